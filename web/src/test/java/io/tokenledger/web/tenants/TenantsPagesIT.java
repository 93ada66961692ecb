package io.tokenledger.web.tenants;

import static io.tokenledger.web.testing.Usage.event;
import static io.tokenledger.web.testing.Usage.recently;
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

/** The tenants page and a tenant's page as a signed-in admin uses them: mapping rules and budgets. */
@TokenLedgerServerTest
class TenantsPagesIT {

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
    void aBudgetWhoseAmountIsNoNumberIsRefusedOnThePageNamingTheField() {
        api.postJson("/api/v1/tenants", "{\"key\":\"acme\",\"name\":\"Acme Corp\"}");

        WebClient.Reply<String> refused = browser.submit(
                "/tenants/acme", "/tenants/acme/budget", Map.of("monthly", "12,50", "steps", "50, 100", "daily", ""));

        assertThat(refused.status()).as(refused::toString).isEqualTo(302);
        Document tenant = page("/tenants/acme");
        assertThat(tenant.selectFirst("p.error").text())
                .isEqualTo("monthly must be a decimal number such as 0.15, was '12,50'");
        assertThat(api.get("/api/v1/tenants/acme/budget", "application/json").status())
                .isEqualTo(404);
    }

    private Document page(String path) {
        WebClient.Reply<String> reply = browser.page(path);
        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        return reply.html();
    }
}
