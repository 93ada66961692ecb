package io.tokenledger.web.alerts;

import static io.tokenledger.web.testing.Usage.event;
import static io.tokenledger.web.testing.Usage.recently;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.Usage;
import io.tokenledger.web.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Alert channels and fired alerts through the HTTP API: https only (this server does not allow http), the webhook
 * secret shown once, alerts listed with their delivery state. Delivery itself is tested against a local receiver
 * in the reporting module.
 */
@TokenLedgerServerTest
class AlertsApiIT {

    /** An https URL where nothing listens: deliveries fail fast and stay pending. */
    private static final String NOWHERE = "https://127.0.0.1:1/services/T000/B000/XXXX";

    @LocalServerPort
    int port;

    private WebClient api;

    @BeforeEach
    void noData() {
        WebClient.clearData();
        api = WebClient.admin(port);
    }

    @Test
    void aPlainHttpUrlIsRefusedWith422NamingTheUrl() {
        WebClient.Reply<String> reply =
                api.postJson("/api/v1/alert-channels", "{\"type\":\"slack\",\"url\":\"http://hooks.example.com/x\"}");

        assertThat(reply.status()).as(reply::toString).isEqualTo(422);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("field").asString()).isEqualTo("url");
        assertThat(reply.json().path("detail").asString()).contains("https").contains("tokenledger.alerts.allow-http");
        assertThat(api.get("/api/v1/alert-channels").json()).isEmpty();
    }

    @Test
    void aWebhooksSecretIsShownOnceAndUrlsAreListedMasked() {
        WebClient.Reply<String> created = api.postJson(
                "/api/v1/alert-channels",
                "{\"type\":\"webhook\",\"url\":\"https://hooks.example.com/services/T1/B2/secret-part\",\"name\":\"finops\"}");

        assertThat(created.status()).as(created::toString).isEqualTo(201);
        assertThat(created.json().path("secret").asString()).startsWith("tlwh_");
        JsonNode listed = api.get("/api/v1/alert-channels").json().get(0);
        assertThat(listed.path("url").asString()).isEqualTo("https://hooks.example.com/…");
        assertThat(listed.has("secret")).isFalse();
        assertThat(api.get("/api/v1/alert-channels").body()).doesNotContain("secret-part", "tlwh_");

        assertThat(api.delete("/api/v1/alert-channels/" + listed.path("id").asLong())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/alert-channels").json()).isEmpty();
    }

    @Test
    void aChannelForAnUnknownTenantOrOfAnUnknownTypeIsRefused() {
        WebClient.Reply<String> tenant = api.postJson(
                "/api/v1/alert-channels", "{\"type\":\"slack\",\"url\":\"" + NOWHERE + "\",\"tenant\":\"nobody\"}");
        WebClient.Reply<String> type =
                api.postJson("/api/v1/alert-channels", "{\"type\":\"teams\",\"url\":\"" + NOWHERE + "\"}");

        assertThat(tenant.status()).isEqualTo(422);
        assertThat(tenant.json().path("field").asString()).isEqualTo("tenant");
        assertThat(type.json().path("field").asString()).isEqualTo("type");
    }

    @Test
    void aTestMessageReportsWhatTheReceiverAnswered() {
        long id = api.postJson("/api/v1/alert-channels", "{\"type\":\"slack\",\"url\":\"" + NOWHERE + "\"}")
                .json()
                .path("id")
                .asLong();

        WebClient.Reply<String> reply = api.postJson("/api/v1/alert-channels/" + id + "/test", "");

        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.json().path("delivered").asBoolean()).isFalse();
        assertThat(reply.json().path("error").asString()).isNotBlank();
        JsonNode logged =
                api.get("/api/v1/alerts/deliveries").json().path("items").get(0);
        assertThat(logged.path("test").asBoolean()).isTrue();
        assertThat(logged.path("state").asString()).isEqualTo("failed");
    }

    @Test
    void aBatchCrossingFiftyEightyAndHundredPercentListsThreeAlertsWithTheirDeliveries() {
        Usage.priceTenPerMillion(api);
        api.postJson("/api/v1/tenants", "{\"key\":\"acme\",\"name\":\"Acme Corp\"}");
        api.put("/api/v1/tenants/acme/budget", "{\"monthly\":\"1.00\"}");
        api.postJson("/api/v1/alert-channels", "{\"type\":\"slack\",\"url\":\"" + NOWHERE + "\"}");

        Usage.ingest(api, event("big", "acme", recently(), 100_000, null));
        Usage.ingest(api, event("big", "acme", recently(), 100_000, null));

        JsonNode items = api.get("/api/v1/alerts").json().path("items");
        assertThat(items.valueStream().map(item -> item.path("step").asInt()).toList())
                .containsExactlyInAnyOrder(50, 80, 100);
        JsonNode first = items.get(0);
        assertThat(first.path("tenant").asString()).isEqualTo("acme");
        assertThat(first.path("kind").asString()).isEqualTo("monthly");
        assertThat(first.path("spend").asString()).isEqualTo("1");
        assertThat(first.path("period").asString()).isEqualTo(Usage.thisMonth().toString());
        assertThat(first.path("deliveries").size()).isEqualTo(1);
        assertThat(first.path("deliveries").get(0).path("state").asString()).isIn("pending", "failed");
        assertThat(api.get("/api/v1/alerts?tenant=globex").json().path("items")).isEmpty();
    }

    @Test
    void changingConfigurationNeedsSignIn() {
        WebClient.Reply<String> reply = WebClient.anonymous(port)
                .postJson("/api/v1/alert-channels", "{\"type\":\"slack\",\"url\":\"" + NOWHERE + "\"}");

        assertThat(reply.status()).isEqualTo(401);
    }
}
