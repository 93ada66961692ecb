package io.tokenledger.web.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.format.UsagePayloadParser;
import io.tokenledger.web.TokenLedgerApplication;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/reconciliation} and the reconciliation page over real HTTP, on the suite's one running server
 * (the same context configuration as the end-to-end tests, so Spring starts once).
 */
@SpringBootTest(
        classes = TokenLedgerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "tokenledger.admin-password=" + ReconciliationWebIT.ADMIN_PASSWORD,
            "tokenledger.ingest.http.max-body-size=64KB"
        })
@UsesTestDatabase
class ReconciliationWebIT {

    static final String ADMIN_PASSWORD = "test-admin-pw";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    private int port;

    private final IngestPipeline pipeline;

    @Autowired
    ReconciliationWebIT(IngestPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @BeforeEach
    void usageFromBothSources() {
        var dsl = TestDatabase.get().dsl();
        List<String> tables = dsl
                .fetchValues("select tablename from pg_tables where schemaname = 'public' and tablename not in"
                        + " ('flyway_schema_history', 'app_user', 'app_user_tenant')")
                .stream()
                .map(String::valueOf)
                .toList();
        dsl.execute("truncate table " + String.join(", ", tables) + " restart identity cascade");
        ingest("eventhubs", record("eh-1", "acme", 1000, 200), record("eh-2", "globex", 1000, 200));
        ingest("appinsights", record("ai-1", "acme", 1000, 200), record("ai-2", "globex", 1300, 250));
    }

    @Test
    void theApiShowsEachSourcePerTenantAndDayAndFlagsTheDifference() throws Exception {
        HttpResponse<String> reply = get("/api/v1/reconciliation?from=2026-11-03&to=2026-11-03", basicAdmin());

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.get("thresholdPercent").asString()).isEqualTo("2");
        assertThat(body.get("flaggedRows").asLong()).isEqualTo(1);
        JsonNode globex = body.get("rows").get(1);
        assertThat(globex.get("tenant").asString()).isEqualTo("globex");
        assertThat(globex.get("day").asString()).isEqualTo("2026-11-03");
        assertThat(globex.get("eventHubsTokens").asLong()).isEqualTo(1200);
        assertThat(globex.get("appInsightsTokens").asLong()).isEqualTo(1550);
        assertThat(globex.get("difference").asLong()).isEqualTo(350);
        assertThat(globex.get("differencePercent").asString()).isEqualTo("22.58");
        assertThat(globex.get("flagged").asBoolean()).isTrue();
        assertThat(body.get("rows").get(0).get("flagged").asBoolean()).isFalse();
    }

    @Test
    void aTenantParameterNarrowsTheAnswer() throws Exception {
        HttpResponse<String> reply =
                get("/api/v1/reconciliation?from=2026-11-03&to=2026-11-03&tenant=acme", basicAdmin());

        assertThat(JSON.readTree(reply.body()).get("rows"))
                .extracting(row -> row.get("tenant").asString())
                .containsExactly("acme");
    }

    @Test
    void aBadRangeIsAProblemThatSaysWhatToChange() throws Exception {
        HttpResponse<String> notADay = get("/api/v1/reconciliation?from=yesterday", basicAdmin());
        assertThat(notADay.statusCode()).isEqualTo(400);
        assertThat(notADay.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(notADay.body()).contains("from must be a day as YYYY-MM-DD");

        HttpResponse<String> tooLong = get("/api/v1/reconciliation?from=2026-01-01&to=2026-11-03", basicAdmin());
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("tokenledger.reporting.reconciliation.max-days");
    }

    @Test
    void thePageHighlightsTheDaysAboveTheThreshold() throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        signIn(browser);

        HttpResponse<String> page = browser.send(
                HttpRequest.newBuilder(uri("/reconciliation?from=2026-11-03&to=2026-11-03"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("#reconciliation tbody tr")).hasSize(2);
        assertThat(html.select("#reconciliation tr.flagged").attr("data-tenant"))
                .isEqualTo("globex");
        assertThat(html.select("#reconciliation tr.flagged td.percent").text()).isEqualTo("22.58 %");
        assertThat(html.select("#appinsights-source").text()).contains("off");
    }

    private void signIn(HttpClient browser) throws Exception {
        HttpResponse<String> login =
                browser.send(HttpRequest.newBuilder(uri("/login")).GET().build(), HttpResponse.BodyHandlers.ofString());
        String csrf = Jsoup.parse(login.body()).select("input[name=_csrf]").attr("value");
        String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(
                HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(uri(path))
                                .header("Authorization", authorization)
                                .header("Accept", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private static String basicAdmin() {
        return "Basic "
                + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String record(String id, String tenant, long prompt, long completion) {
        return "{\"id\":\"" + id + "\",\"time\":\"2026-11-03T10:00:00Z\",\"tenant\":\"" + tenant
                + "\",\"deployment\":\"gpt-4o\",\"promptTokens\":" + prompt + ",\"completionTokens\":" + completion
                + "}";
    }

    private void ingest(String source, String... records) {
        var parsed = new UsagePayloadParser(32)
                .parse(String.join("\n", records).getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        assertThat(pipeline.ingest(source, parsed).accepted()).isEqualTo(records.length);
    }
}
