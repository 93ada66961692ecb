package io.tokenledger.web.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.WebClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Chargeback models over real HTTP, and the statement that shows cost and charged amount. */
@TokenLedgerServerTest
class ChargebackModelsApiIT {

    @LocalServerPort
    int port;

    private WebClient api;

    @BeforeEach
    void march() {
        api = WebClient.admin(port);
        PricingData.load(api);
    }

    @Test
    void aMarkupIsListedAndTheStatementChargesItWhileShowingTheCost() {
        WebClient.Reply<String> published = api.postJson(
                "/api/v1/chargeback-models",
                "{\"tenant\":\"beta\",\"effectiveFrom\":\"2025-03\",\"model\":\"markup\",\"percent\":\"10\"}");

        assertThat(published.status()).as(published::toString).isEqualTo(201);
        assertThat(published.json().path("factor").asString()).isEqualTo("1.1");
        assertThat(api.get("/api/v1/chargeback-models").json()).hasSize(1);
        // beta: 1,000 tokens × 10 + 1,000,000 × 2.00 per 1M = 2.01; acme 3,000 × 10 per 1M = 0.03
        Document statement =
                api.get("/api/v1/reports/chargeback.html?period=2025-03").html();
        assertThat(statement
                        .selectFirst("#summary tr[data-tenant=beta] td.cost")
                        .text())
                .isEqualTo("$2.01");
        assertThat(statement
                        .selectFirst("#summary tr[data-tenant=beta] td.chargeback")
                        .text())
                .isEqualTo("markup 10 %");
        assertThat(statement
                        .selectFirst("#summary tr[data-tenant=beta] td.charged")
                        .attr("data-exact"))
                .isEqualTo("2.211");
        assertThat(statement.selectFirst("#statement-total").text()).isEqualTo("$2.24");
        assertThat(statement.selectFirst("#statement-cost").text()).isEqualTo("$2.04");
    }

    @Test
    void wrongModelsAreProblemsNamingTheField() {
        WebClient.Reply<String> both = api.postJson(
                "/api/v1/chargeback-models",
                "{\"tenant\":\"beta\",\"costCenter\":\"CC\",\"effectiveFrom\":\"2025-03\",\"model\":\"free\"}");
        WebClient.Reply<String> discount = api.postJson(
                "/api/v1/chargeback-models",
                "{\"costCenter\":\"CC-1\",\"effectiveFrom\":\"2025-03\",\"model\":\"discount\",\"percent\":\"101\"}");

        assertThat(both.status()).isEqualTo(400);
        assertThat(discount.status()).isEqualTo(422);
        assertThat(discount.json().path("field").asString()).isEqualTo("percent");
    }
}
