package io.tokenledger.web.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.WebClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A rate card in EUR converted with the period's FX rate, over real HTTP. */
@TokenLedgerServerTest
class FxRatesApiIT {

    @LocalServerPort
    int port;

    private WebClient api;

    @BeforeEach
    void euroCardWithUsage() {
        api = WebClient.admin(port);
        WebClient.clearData();
        WebClient.Reply<String> card = api.postJson(
                "/api/v1/rate-cards",
                "{\"deployment\":\"gpt-4o\",\"currency\":\"EUR\",\"effectiveFrom\":\"2020-01-01\","
                        + "\"promptPer1M\":\"10\",\"cachedPromptPer1M\":\"5\",\"completionPer1M\":\"20\"}");
        assertThat(card.status()).as(card::toString).isEqualTo(201);
        api.postJson(
                "/api/v1/usage-events",
                "{\"id\":\"e1\",\"time\":\"2025-03-02T08:00:00Z\",\"tenant\":\"acme\",\"deployment\":\"gpt-4o\","
                        + "\"promptTokens\":1000000,\"completionTokens\":0}");
    }

    @Test
    void usageIsUnpricedUntilTheMonthsRateIsEnteredThenConverted() {
        JsonNode before = ledger();
        assertThat(before.path("total").asString()).isEqualTo("0");
        assertThat(before.path("rows").get(0).path("unpricedRequests").asInt()).isEqualTo(1);
        JsonNode missing =
                api.get("/api/v1/fx-rates/missing?period=2025-03").json().path("unconverted");
        assertThat(missing).hasSize(1);
        assertThat(missing.get(0).path("reason").asString()).startsWith("not converted: no EUR rate for 2025-03");

        WebClient.Reply<String> entered = api.postJson(
                "/api/v1/fx-rates",
                "{\"period\":\"2025-03\",\"currency\":\"eur\",\"rate\":\"1.0850\",\"source\":\"ECB\"}");

        assertThat(entered.status()).as(entered::toString).isEqualTo(201);
        assertThat(entered.json().path("rate").asString()).isEqualTo("1.085");
        assertThat(entered.json().path("enteredBy").asString()).isEqualTo("admin");
        assertThat(ledger().path("total").asString()).isEqualTo("10.85");
        assertThat(api.get("/api/v1/fx-rates?period=2025-03").json()).hasSize(1);
        assertThat(api.get("/api/v1/fx-rates/missing?period=2025-03").json().path("unconverted"))
                .isEmpty();
    }

    @Test
    void aClosedPeriodsRateIsFinalAndWrongRatesNameTheField() {
        api.postJson("/api/v1/periods/2025-03/close", "{}");

        WebClient.Reply<String> closed =
                api.postJson("/api/v1/fx-rates", "{\"period\":\"2025-03\",\"currency\":\"EUR\",\"rate\":\"1.1\"}");
        WebClient.Reply<String> negative =
                api.postJson("/api/v1/fx-rates", "{\"period\":\"2025-04\",\"currency\":\"EUR\",\"rate\":\"-1\"}");
        WebClient.Reply<String> unknown =
                api.postJson("/api/v1/fx-rates", "{\"period\":\"2025-04\",\"currency\":\"EURO\",\"rate\":\"1\"}");

        assertThat(closed.status()).as(closed::toString).isEqualTo(409);
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().path("field").asString()).isEqualTo("rate");
        assertThat(unknown.json().path("field").asString()).isEqualTo("currency");
    }

    private JsonNode ledger() {
        return api.get("/api/v1/ledger?from=2025-03-01&to=2025-03-31&groupBy=tenant")
                .json();
    }
}
