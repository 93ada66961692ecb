package io.tokenledger.web.ingest;

import static io.tokenledger.web.testing.UsageJson.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.LedgerData;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.UsageJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/ingest/status} and the ingestion page, over real HTTP. */
@TokenLedgerServerTest
class IngestStatusApiIT {

    @LocalServerPort
    int port;

    private Api api;

    @BeforeEach
    void emptyLedger() {
        LedgerData.clear();
        api = Api.asAdmin(port);
    }

    @Test
    void statusShowsTheHttpSourcesActivityAndEventHubsAsOffWithHowToTurnItOn() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Reply posted = api.post(
                "/api/v1/usage-events",
                "application/x-ndjson",
                UsageJson.ndjson(event("s1"), event("s2"), event("s3").without("deployment")));
        assertThat(posted.json().path("accepted").asInt()).as(posted::toString).isEqualTo(2);

        Reply reply = api.get("/api/v1/ingest/status");

        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        JsonNode http = source(reply.json(), "http");
        assertThat(http.path("enabled").asBoolean()).isTrue();
        assertThat(Instant.parse(http.path("lastEventAt").asString())).isAfterOrEqualTo(before);
        assertThat(http.path("eventsPerMinute").asLong()).isEqualTo(2);
        assertThat(http.path("deadLettersLastHour").asLong()).isEqualTo(1);
        JsonNode eventHubs = source(reply.json(), "eventhubs");
        assertThat(eventHubs.path("enabled").asBoolean()).isFalse();
        assertThat(eventHubs.path("detail").asString()).contains("tokenledger.ingest.eventhubs.connection-string");
        assertThat(eventHubs.path("partitions").isArray()).isTrue();
    }

    @Test
    void statusNeedsSignIn() {
        Reply reply = Api.anonymous(port).get("/api/v1/ingest/status");

        assertThat(reply.status()).as(reply::toString).isEqualTo(401);
    }

    @Test
    void partitionsOfAHubConsumedByAnyInstanceAreShownWithCheckpointOwnerAndLag() {
        // another instance consumes the hub; its rows are in the shared database
        var dsl = TestDatabase.get().dsl();
        String key = "'ns1.servicebus.windows.net', 'usage', '$Default', '3'";
        dsl.execute("insert into eventhubs_ownership values (" + key + ", 'processor-b', 'etag-1', now())");
        dsl.execute("insert into eventhubs_checkpoint values (" + key + ", 41, '43008', now())");
        dsl.execute("insert into eventhubs_partition_status values (" + key + ", now(), now(),"
                + " '2026-11-23T10:00:00Z', date_trunc('minute', now()), 120, 0, 50, now(), now())");

        JsonNode partition = source(api.get("/api/v1/ingest/status").json(), "eventhubs")
                .path("partitions")
                .path(0);
        assertThat(partition.path("partition").asString()).isEqualTo("3");
        assertThat(partition.path("owner").asString()).isEqualTo("processor-b");
        assertThat(partition.path("checkpointSequenceNumber").asLong()).isEqualTo(41);
        assertThat(partition.path("lag").asLong()).isEqualTo(9);
        assertThat(partition.path("eventsPerMinute").asLong()).isGreaterThanOrEqualTo(120);

        Document page = signedInIngestionPage();
        Element row = page.selectFirst("#partitions tr[data-partition=3]");
        assertThat(row).as("partition row in %s", page).isNotNull();
        assertThat(row.selectFirst(".owner").text()).isEqualTo("processor-b");
        assertThat(row.selectFirst(".checkpoint").text()).startsWith("#41");
        assertThat(row.selectFirst(".lag").text()).isEqualTo("9");
        assertThat(page.selectFirst("[data-source=eventhubs] .state").text()).isEqualTo("off");
        assertThat(page.selectFirst("[data-source=http] .state").text()).isEqualTo("on");
    }

    private Document signedInIngestionPage() {
        Api browser = Api.browser(port);
        Document login = Jsoup.parse(browser.getHtml("/login").body());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", "admin");
        form.put("password", TokenLedgerServerTest.ADMIN_PASSWORD);
        form.put("_csrf", login.select("input[name=_csrf]").attr("value"));
        Reply signedIn = browser.postForm("/login", form);
        assertThat(signedIn.status()).as(signedIn::toString).isEqualTo(302);
        Reply page = browser.getHtml("/ingestion");
        assertThat(page.status()).as(page::toString).isEqualTo(200);
        return Jsoup.parse(page.body());
    }

    private static JsonNode source(JsonNode status, String name) {
        for (JsonNode source : status.path("sources")) {
            if (source.path("source").asString().equals(name)) {
                return source;
            }
        }
        throw new AssertionError("no source " + name + " in " + status);
    }
}
