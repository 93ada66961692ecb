package io.tokenledger.web.periods;

import static io.tokenledger.web.testing.Usage.event;
import static io.tokenledger.web.testing.Usage.inPreviousMonth;
import static io.tokenledger.web.testing.Usage.previousMonth;
import static io.tokenledger.web.testing.Usage.thisMonth;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.Usage;
import io.tokenledger.web.testing.WebClient;
import java.time.YearMonth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Closing billing periods through the HTTP API, and what a late event for a closed period does. */
@TokenLedgerServerTest
class PeriodsApiIT {

    @LocalServerPort
    int port;

    private WebClient api;

    @BeforeEach
    void usageLastMonth() {
        WebClient.clearData();
        api = WebClient.admin(port);
        Usage.priceTenPerMillion(api);
        Usage.ingest(api, event("last-month", "acme", inPreviousMonth(), 100_000, null));
    }

    @Test
    void closingLastMonthFreezesItAndALateEventBecomesAnAdjustmentOfThisMonth() {
        WebClient.Reply<String> closed = api.postJson("/api/v1/periods/" + previousMonth() + "/close", "");
        assertThat(closed.status()).as(closed::toString).isEqualTo(200);
        assertThat(closed.json().path("status").asString()).isEqualTo("closed");
        assertThat(closed.json().path("closedBy").asString()).isEqualTo("admin");
        String lastMonthLedger = api.get(ledgerOf(previousMonth().toString())).body();

        Usage.ingest(api, event("late", "acme", inPreviousMonth(), 50_000, null));

        assertThat(api.get(ledgerOf(previousMonth().toString())).body()).isEqualTo(lastMonthLedger);
        JsonNode adjustments =
                api.get("/api/v1/periods/" + thisMonth() + "/adjustments").json();
        assertThat(adjustments.size()).isEqualTo(1);
        assertThat(adjustments.get(0).path("label").asString()).isEqualTo("Late usage for " + previousMonth());
        assertThat(adjustments.get(0).path("cost").asString()).isEqualTo("0.5");
        JsonNode periods = api.get("/api/v1/periods").json();
        assertThat(periods.get(0).path("period").asString())
                .isEqualTo(thisMonth().toString());
        assertThat(periods.get(0).path("status").asString()).isEqualTo("open");
        assertThat(periods.get(0).path("adjustments").asString()).isEqualTo("0.5");
        assertThat(periods.get(0).path("total").asString()).isEqualTo("0.5");
        assertThat(periods.get(1).path("status").asString()).isEqualTo("closed");
        assertThat(periods.get(1).path("total").asString()).isEqualTo("1");
    }

    @Test
    void closingTwiceIs409AndTheCurrentMonthOrAMalformedOneIsRefused() {
        api.postJson("/api/v1/periods/" + previousMonth() + "/close", "");

        WebClient.Reply<String> again = api.postJson("/api/v1/periods/" + previousMonth() + "/close", "");
        WebClient.Reply<String> current = api.postJson("/api/v1/periods/" + thisMonth() + "/close", "");
        WebClient.Reply<String> malformed = api.postJson("/api/v1/periods/2026-13/close", "");

        assertThat(again.status()).as(again::toString).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().path("detail").asString()).contains("closed already");
        assertThat(current.status()).as(current::toString).isEqualTo(422);
        assertThat(current.json().path("detail").asString()).contains("has not ended yet");
        assertThat(malformed.status()).isEqualTo(400);
    }

    private static String ledgerOf(String month) {
        YearMonth period = YearMonth.parse(month);
        return "/api/v1/ledger?from=" + period.atDay(1) + "&to=" + period.atEndOfMonth() + "&groupBy=tenant,day";
    }
}
