package io.tokenledger.web.pricing;

import static io.tokenledger.web.testing.RateCardJson.card;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.WebClient;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A price, rate or amount has at most 12 digits before the decimal point and 20 after, in every way one gets in:
 * the API, the rate-card form, the three imports, PTU commitments, FX rates and markups. {@code 1e1000000} used to be
 * stored as 0 (usage free) or as a number of over 100,000 digits that broke the exports.
 */
@TokenLedgerServerTest
class PriceBoundsIT {

    private static final String HUGE = "1e1000000";
    private static final String TINY = "1e-1000000";

    @LocalServerPort
    int port;

    private Api api;
    private WebClient admin;

    @BeforeEach
    void noPrices() {
        WebClient.clearData();
        api = Api.asAdmin(port);
        admin = WebClient.admin(port);
    }

    @Test
    void aPriceOutOfBoundsIsRefusedWith422NamingTheField() {
        assertRefused(
                api.postJson(
                        "/api/v1/rate-cards",
                        card("chat", "2026-11-01", HUGE, "0", "1").json()),
                "promptPer1M");
        assertRefused(
                api.postJson(
                        "/api/v1/rate-cards",
                        card("chat", "2026-11-01", "1", TINY, "1").json()),
                "cachedPromptPer1M");
        assertRefused(
                api.postJson(
                        "/api/v1/rate-cards",
                        card("chat", "2026-11-01", "1", "0", "1")
                                .withNumber("completionPer1M", HUGE)
                                .json()),
                "completionPer1M");
        assertRefused(
                api.postJson(
                        "/api/v1/rate-cards",
                        card("chat", "2026-11-01", "1", "0", "1")
                                .with("reasoningPer1M", "1000000000000")
                                .json()),
                "reasoningPer1M");
        assertRefused(
                api.postJson(
                        "/api/v1/rate-cards",
                        card("chat", "2026-11-01", "1", "0", "1")
                                .with("promptPer1M", "0.000000000000000000001")
                                .json()),
                "promptPer1M");
        assertRefused(
                api.postJson(
                        "/api/v1/rate-cards",
                        card("chat", "2026-11-01", "1", "0", "1")
                                .with("promptPer1M", "1" + "0".repeat(100_000))
                                .json()),
                "promptPer1M");
        assertRefused(
                api.postJson(
                        "/api/v1/rate-cards",
                        card("chat", "2026-11-01", "1", "0", "1")
                                .with(
                                        "longContext",
                                        Map.of(
                                                "promptTokensAbove", 200000,
                                                "promptPer1M", "2",
                                                "cachedPromptPer1M", "1",
                                                "completionPer1M", "1e123136"))
                                .json()),
                "longContext.completionPer1M");
        assertThat(api.get("/api/v1/rate-cards").json()).as("nothing published").isEmpty();
    }

    @Test
    void pricesAtTheBoundsArePublishedExactly() {
        Reply reply = api.postJson(
                "/api/v1/rate-cards",
                card("chat", "2026-11-01", "999999999999.99999999999999999999", "0.00000000000000000001", "1.50")
                        .with("reasoningPer1M", "2.500000000000000000000000000000")
                        .json());

        assertThat(reply.status()).as(reply::toString).isEqualTo(201);
        assertThat(reply.json().path("promptPer1M").asString()).isEqualTo("999999999999.99999999999999999999");
        assertThat(reply.json().path("cachedPromptPer1M").asString()).isEqualTo("0.00000000000000000001");
        assertThat(reply.json().path("reasoningPer1M").asString()).isEqualTo("2.5");
    }

    @Test
    void everyImportRefusesAPriceOutOfBoundsNamingItsLine() {
        String csv = """
                kind,pattern,effectiveFrom,promptPer1M,cachedPromptPer1M,completionPer1M
                deployment,chat,2026-11-01,0.15,0.075,0.60
                deployment,embeddings,2026-11-01,1e1000000,0,0
                """;
        String aiHub = """
                [{"model":"gpt-4o","deploymentName":"chat","isActive":true,"CostPerInputUnit":1e1000000,
                  "CostPerOutputUnit":0.01,"CostUnit":1000,"Currency":"USD","CalculationMethod":"tokens"}]
                """;
        String retail = """
                {"Items":[
                  {"meterName":"gpt-4o-0806 Inp glbl Tokens","retailPrice":0.0025,"unitOfMeasure":"1K",
                   "currencyCode":"USD","type":"Consumption","effectiveStartDate":"2024-08-01T00:00:00Z"},
                  {"meterName":"gpt-4o-0806 Outp glbl Tokens","retailPrice":1e1000000,"unitOfMeasure":"1K",
                   "currencyCode":"USD","type":"Consumption","effectiveStartDate":"2024-08-01T00:00:00Z"}]}
                """;

        Reply fromCsv = api.post("/api/v1/rate-cards/import?format=csv&dryRun=false", "text/csv", csv);
        Reply fromAiHub = api.post(
                "/api/v1/rate-cards/import?format=aihub&effectiveFrom=2026-11-01&dryRun=false",
                "application/json",
                aiHub);
        Reply fromRetail =
                api.post("/api/v1/rate-cards/import?format=azure-retail&dryRun=false", "application/json", retail);

        assertLineRefused(fromCsv, 3, "promptPer1M");
        assertLineRefused(fromAiHub, 1, "promptPer1M");
        assertLineRefused(fromRetail, 1, "completionPer1M");
        assertThat(api.get("/api/v1/rate-cards").json()).as("nothing published").isEmpty();
    }

    @Test
    void theRateCardFormRefusesAPriceOutOfBounds() {
        WebClient browser = WebClient.signedInBrowser(port);
        Map<String, String> form = new HashMap<>(Map.of(
                "kind", "DEPLOYMENT",
                "pattern", "chat",
                "effectiveFrom", "2026-11-01",
                "promptPer1M", HUGE,
                "cachedPromptPer1M", "0",
                "completionPer1M", "1"));

        browser.submit("/rate-cards", "/rate-cards", form);

        assertThat(browser.page("/rate-cards").html().select("p.error").text())
                .contains("promptPer1M")
                .contains("12 digits before the decimal point");
        assertThat(api.get("/api/v1/rate-cards").json()).as("nothing published").isEmpty();
    }

    @Test
    void commitmentAmountsFxRatesAndMarkupsAreBoundedToo() {
        WebClient.Reply<String> commitment = admin.postJson("/api/v1/provisioned", """
                {"deployment":"ptu-4o","effectiveFrom":"2025-03-01","billing":"monthly","amount":"1e1000000",
                 "currency":"USD","allocation":"usage-share"}""");
        WebClient.Reply<String> hugeRate = admin.postJson(
                "/api/v1/fx-rates", "{\"period\":\"2025-04\",\"currency\":\"EUR\",\"rate\":\"1e1000000\"}");
        WebClient.Reply<String> tinyRate = admin.postJson(
                "/api/v1/fx-rates", "{\"period\":\"2025-04\",\"currency\":\"EUR\",\"rate\":\"1e-1000000\"}");
        WebClient.Reply<String> markup = admin.postJson(
                "/api/v1/chargeback-models",
                "{\"costCenter\":\"CC-1\",\"effectiveFrom\":\"2025-03\",\"model\":\"markup\",\"percent\":\"1e1000000\"}");

        assertRefused(commitment, "amount");
        assertRefused(hugeRate, "rate");
        assertRefused(tinyRate, "rate");
        assertRefused(markup, "percent");
        assertThat(admin.get("/api/v1/provisioned").json()).isEmpty();
        assertThat(admin.get("/api/v1/fx-rates").json()).isEmpty();
        assertThat(admin.get("/api/v1/chargeback-models").json()).isEmpty();
    }

    private static void assertRefused(Reply reply, String field) {
        assertThat(reply.status()).as(reply::toString).isEqualTo(422);
        assertThat(reply.mediaType()).isEqualTo("application/problem+json");
        assertThat(reply.json().path("field").asString()).as(reply::toString).isEqualTo(field);
        assertThat(reply.body()).as("the answer does not echo a huge number").hasSizeLessThan(2000);
    }

    private static void assertRefused(WebClient.Reply<String> reply, String field) {
        assertThat(reply.status()).as(reply::toString).isEqualTo(422);
        assertThat(reply.json().path("field").asString()).as(reply::toString).isEqualTo(field);
        assertThat(reply.body()).as("the answer does not echo a huge number").hasSizeLessThan(2000);
    }

    private static void assertLineRefused(Reply reply, int line, String field) {
        assertThat(reply.status()).as(reply::toString).isEqualTo(422);
        JsonNode error = reply.json().path("errors").get(0);
        assertThat(error.path("line").asInt()).as(reply::toString).isEqualTo(line);
        assertThat(error.path("field").asString()).as(reply::toString).isEqualTo(field);
    }
}
