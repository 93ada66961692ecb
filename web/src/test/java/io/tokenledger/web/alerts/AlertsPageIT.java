package io.tokenledger.web.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.Usage;
import io.tokenledger.web.testing.WebClient;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The budgets-and-alerts page as a signed-in admin uses it: alert channels. */
@TokenLedgerServerTest
class AlertsPageIT {

    @LocalServerPort
    int port;

    private WebClient api;
    private WebClient browser;

    @BeforeEach
    void signedIn() {
        WebClient.clearData();
        api = WebClient.admin(port);
        browser = WebClient.signedInBrowser(port);
        Usage.priceTenPerMillion(api);
    }

    @Test
    void aChannelIsAddedTestedAndRemovedOnTheAlertsPage() {
        WebClient.Reply<String> added = browser.submit(
                "/alerts",
                "/alerts/channels",
                Map.of(
                        "type",
                        "webhook",
                        "url",
                        "https://127.0.0.1:1/hook",
                        "name",
                        "finops",
                        "tenant",
                        "",
                        "costCenter",
                        ""));

        assertThat(added.status()).as(added::toString).isEqualTo(302);
        Document page = page("/alerts");
        assertThat(page.selectFirst("#secret-value").text()).startsWith("tlwh_");
        Element channel = page.selectFirst("#channel-table tr[data-channel]");
        assertThat(channel.text()).contains("finops").contains("every tenant");
        String id = channel.attr("data-channel");

        browser.submit("/alerts", "/alerts/channels/" + id + "/test", Map.of());
        Document tested = page("/alerts");
        assertThat(tested.selectFirst("p.error").text()).startsWith("Test message not delivered");
        assertThat(tested.selectFirst("#delivery-table tr[data-delivery]").text())
                .contains("test message")
                .contains("failed");
        assertThat(page("/alerts").select("#channel-secret"))
                .as("the secret is shown once")
                .isEmpty();

        browser.submit("/alerts", "/alerts/channels/" + id + "/delete", Map.of());
        assertThat(page("/alerts").select("#channel-table tr[data-channel]")).isEmpty();
    }

    @Test
    void aPlainHttpChannelUrlIsRefusedOnThePage() {
        browser.submit(
                "/alerts",
                "/alerts/channels",
                Map.of(
                        "type",
                        "slack",
                        "url",
                        "http://hooks.example.com/x",
                        "name",
                        "",
                        "tenant",
                        "",
                        "costCenter",
                        ""));

        assertThat(page("/alerts").selectFirst("p.error").text()).contains("https");
    }

    private Document page(String path) {
        WebClient.Reply<String> reply = browser.page(path);
        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        return reply.html();
    }
}
