package io.tokenledger.web.alerts;

import static io.tokenledger.web.alerts.Usage.event;
import static io.tokenledger.web.alerts.Usage.inPreviousMonth;
import static io.tokenledger.web.alerts.Usage.recently;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.WebClient;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The tenants, tenant, budgets-and-alerts and periods pages as a signed-in admin uses them. */
@AlertsServerTest
class SetupPagesIT {

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
    void unassignedIsAlwaysShownAndAMappingRuleAddedInTheFormMovesItsUsage() {
        Document empty = page("/tenants");
        assertThat(empty.select("tr[data-tenant=unassigned]")).hasSize(1);
        assertThat(empty.select("#unassigned-warning")).isEmpty();

        api.postJson("/api/v1/tenants", "{\"key\":\"acme\",\"name\":\"Acme Corp\"}");
        Usage.ingest(api, event("p1", null, recently(), 100_000, "\"productId\":\"aoai-acme\""));
        Document warned = page("/tenants");
        assertThat(warned.selectFirst("#unassigned-warning").text())
                .contains("$1.00")
                .contains("unassigned");
        assertThat(page("/").selectFirst("#unassigned-usage .value").text()).isEqualTo("$1.00");

        WebClient.Reply<String> added = browser.submit(
                "/tenants",
                "/tenants/mappings",
                Map.of(
                        "field", "productId",
                        "match", "exact",
                        "pattern", "aoai-acme",
                        "tenant", "acme",
                        "priority", "10"));

        assertThat(added.status()).as(added::toString).isEqualTo(302);
        Document after = page("/tenants");
        assertThat(after.selectFirst("p.notice").text()).contains("1 event(s) of open periods moved");
        assertThat(after.selectFirst("tr[data-tenant=acme] td.spend").attr("data-exact"))
                .isEqualTo("1");
        assertThat(after.selectFirst("tr[data-tenant=unassigned] td.spend").attr("data-exact"))
                .isEqualTo("0");
        assertThat(after.select("#unassigned-warning")).isEmpty();
        assertThat(after.select("#mapping-rules tr[data-rule]")).hasSize(1);
    }

    @Test
    void aBudgetSetOnTheTenantPageShowsItsBurnThereOnTheTenantsPageAndOnTheOverview() {
        api.postJson("/api/v1/tenants", "{\"key\":\"acme\",\"name\":\"Acme Corp\"}");
        Usage.ingest(api, event("a1", "acme", recently(), 40_000, null));

        WebClient.Reply<String> saved = browser.submit(
                "/tenants/acme",
                "/tenants/acme/budget",
                Map.of("monthly", "1.00", "steps", "50, 80, 100", "daily", ""));

        assertThat(saved.status()).as(saved::toString).isEqualTo(302);
        Document tenant = page("/tenants/acme");
        assertThat(tenant.selectFirst("#tenant-spend").attr("data-exact")).isEqualTo("0.4");
        assertThat(tenant.selectFirst("p.notice").text()).isEqualTo("Budget saved.");
        assertThat(page("/tenants").selectFirst("tr[data-tenant=acme] td.burn").text())
                .isEqualTo("40.0%");
        Element overviewRow = page("/").selectFirst("#tenants tr[data-tenant=acme]");
        assertThat(overviewRow.selectFirst("td.burn").text()).isEqualTo("40.0%");
        assertThat(page("/").selectFirst("#forecast").attr("data-exact")).isNotBlank();
        assertThat(page("/alerts").select("#budget-table tr[data-subject=Acme Corp]"))
                .hasSize(1);
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

    @Test
    void lastMonthIsClosedWithItsButtonAndCannotBeClosedAgain() {
        Usage.ingest(api, event("last-month", "acme", inPreviousMonth(), 100_000, null));
        String previous = Usage.previousMonth().toString();
        Document periods = page("/periods");
        assertThat(periods.select("tr[data-period=" + previous + "] form")).hasSize(1);
        assertThat(periods.select("tr[data-period=" + Usage.thisMonth() + "] form"))
                .isEmpty();

        WebClient.Reply<String> closed = browser.submit("/periods", "/periods/" + previous + "/close", Map.of());

        assertThat(closed.status()).as(closed::toString).isEqualTo(302);
        Document after = page("/periods");
        Element row = after.selectFirst("tr[data-period=" + previous + "]");
        assertThat(row.selectFirst("td.status").text()).isEqualTo("closed");
        assertThat(row.select("form")).isEmpty();
        assertThat(row.selectFirst("td.total").attr("data-exact")).isEqualTo("1");
    }

    private Document page(String path) {
        WebClient.Reply<String> reply = browser.page(path);
        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        return reply.html();
    }
}
