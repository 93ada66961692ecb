package io.tokenledger.web.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.WebClient;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The rate-card page says which version priced this month's usage of each deployment. */
@TokenLedgerServerTest
class PricedWithPageIT {

    @LocalServerPort
    int port;

    @Test
    void theRateCardPageShowsTheVersionThatPricedEachDeploymentThisMonth() {
        WebClient api = WebClient.admin(port);
        WebClient.clearData();
        PricingData.card(api, "gpt-4o", "2.00");
        long id = api.get("/api/v1/rate-cards").json().get(0).path("id").asLong();
        String firstOfMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1) + "T00:30:00Z";
        api.postJson(
                "/api/v1/usage-events",
                "{\"id\":\"p1\",\"time\":\"" + firstOfMonth + "\",\"tenant\":\"acme\",\"deployment\":\"gpt-4o\","
                        + "\"promptTokens\":10,\"completionTokens\":0}");

        Document page = WebClient.signedInBrowser(port).page("/rate-cards").html();

        assertThat(page.selectFirst("#priced-with tr[data-deployment=gpt-4o] td.version")
                        .text())
                .startsWith("#" + id + " (deployment gpt-4o");
    }
}
