package io.tokenledger.web.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.WebClient;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pricing-settings page: an admin publishes a commitment, a chargeback model and an FX rate with its forms. */
@TokenLedgerServerTest
class PricingSettingsPageIT {

    @LocalServerPort
    int port;

    private WebClient browser;

    @BeforeEach
    void signedIn() {
        WebClient.clearData();
        browser = WebClient.signedInBrowser(port);
    }

    @Test
    void formsPublishVersionsThatThePageLists() {
        String firstOfMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toString();
        String month = YearMonth.now(ZoneOffset.UTC).toString();

        browser.submit(
                "/pricing-settings",
                "/pricing-settings/provisioned",
                Map.of(
                        "deployment",
                        "ptu-4o",
                        "effectiveFrom",
                        firstOfMonth,
                        "billing",
                        "MONTHLY",
                        "amount",
                        "3000",
                        "currency",
                        "USD",
                        "allocation",
                        "OWNER",
                        "ownerTenant",
                        "platform",
                        "idleTo",
                        "OWNER",
                        "reason",
                        "reservation"));
        browser.submit(
                "/pricing-settings",
                "/pricing-settings/chargeback-models",
                Map.of(
                        "scope",
                        "TENANT",
                        "subject",
                        "acme",
                        "effectiveFrom",
                        month,
                        "kind",
                        "MARKUP",
                        "percent",
                        "7.5"));
        browser.submit(
                "/pricing-settings",
                "/pricing-settings/fx-rates",
                Map.of("period", month, "currency", "EUR", "rate", "1.0850", "source", "ECB"));
        Document page = browser.page("/pricing-settings").html();
        assertThat(page.select("#commitments tbody tr").text())
                .contains("ptu-4o", "3000 USD per month", "owner platform");
        assertThat(page.select("#allocations tr[data-tenant=platform] td.amount")
                        .text())
                .endsWith("USD");
        assertThat(page.select("#chargeback-models td.model").text()).isEqualTo("markup 7.5 %");
        assertThat(page.select("#fx-rates td.rate").text()).isEqualTo("1 EUR = 1.085 USD");

        WebClient.Reply<String> wrong = browser.submit(
                "/pricing-settings",
                "/pricing-settings/fx-rates",
                Map.of("period", month, "currency", "USD", "rate", "1"));

        assertThat(wrong.status()).isEqualTo(302);
        assertThat(browser.page("/pricing-settings").html().select("p.error").text())
                .contains("reporting currency");
    }
}
