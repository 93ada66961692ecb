package io.tokenledger.web.overview;

import static io.tokenledger.web.testing.ScopedData.OTHER;
import static io.tokenledger.web.testing.ScopedData.OWN;
import static io.tokenledger.web.testing.ScopedData.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.Api;
import io.tokenledger.web.testing.DashboardLogin;
import io.tokenledger.web.testing.Reply;
import io.tokenledger.web.testing.ScopedData;
import io.tokenledger.web.testing.TokenLedgerServerTest;
import java.math.BigDecimal;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The overview's and tenant page's charts and tables: data for the charts, assets served by the application. */
@TokenLedgerServerTest
class DashboardChartsIT {

    @LocalServerPort
    int port;

    private Api browser;
    private ScopedData.People people;

    @BeforeEach
    void signedInWithTwoTenants() {
        people = ScopedData.seed(Api.asAdmin(port));
        browser = Api.browser(port);
        DashboardLogin.signIn(browser, "admin", TokenLedgerServerTest.ADMIN_PASSWORD);
    }

    @Test
    void overviewChartsHoldEachTenantsDailySpendAddingUpToTheTotal() {
        Document page = Jsoup.parse(browser.getHtml("/").body());

        JsonNode daily = Reply.JSON.readTree(page.selectFirst("#daily-chart").attr("data-chart"));
        assertThat(daily.path("type").asString()).isEqualTo("bar");
        assertThat(daily.path("stacked").asBoolean()).isTrue();
        assertThat(daily.path("currency").asString()).isEqualTo("USD");
        assertThat(daily.path("datasets"))
                .extracting(set -> set.path("label").asString())
                .contains(OWN, OTHER);
        BigDecimal charted = BigDecimal.ZERO;
        for (JsonNode set : daily.path("datasets")) {
            for (JsonNode value : set.path("data")) {
                charted = charted.add(new BigDecimal(value.asString()));
            }
        }
        BigDecimal total = new BigDecimal(page.selectFirst("#mtd-total").attr("data-exact"));
        assertThat(charted).isEqualByComparingTo(total.setScale(4, java.math.RoundingMode.HALF_UP));
        JsonNode budget = Reply.JSON.readTree(page.selectFirst("#budget-chart").attr("data-chart"));
        assertThat(budget.path("datasets"))
                .extracting(set -> set.path("label").asString())
                .containsExactly("spend to date", "forecast (run rate)", "monthly budgets");
        assertThat(page.select("#top-deployments tr[data-deployment=gpt-4o]")).hasSize(1);
        assertThat(page.select("#top-models tbody tr")).isNotEmpty();
    }

    @Test
    void pagesLoadChartsAndSortingFromTheApplicationWithoutInlineScript() {
        Reply overview = browser.getHtml("/");
        Document page = Jsoup.parse(overview.body());

        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(overview.header("Content-Security-Policy")).contains("script-src 'self'");
        for (String script : page.select("script[src]").eachAttr("src")) {
            Reply asset = Api.anonymous(port).get(script);
            assertThat(asset.status()).as(script).isEqualTo(200);
            assertThat(asset.header("Content-Type")).as(script).contains("javascript");
        }
        assertThat(page.select("script[src]").eachAttr("src"))
                .anyMatch(src -> src.contains("/webjars/chart.js/"))
                .anyMatch(src -> src.endsWith("/js/tables.js"));
        assertThat(page.select("table.sortable#tenants")).hasSize(1);
    }

    @Test
    void tenantPageBreaksSpendDownByDeploymentModelAndUserAndLinksItsStatements() {
        Document page = Jsoup.parse(browser.getHtml("/tenants/" + OWN).body());

        assertThat(page.select("#tenant-daily-chart").attr("data-chart")).contains("\"label\":\"" + OWN + "\"");
        assertThat(page.select("#tenant-spend-lines tbody tr")).isNotEmpty();
        assertThat(page.select("#tenant-models tbody tr")).isNotEmpty();
        Document users = Jsoup.parse(
                browser.getHtml(page.selectFirst("#users-link").attr("href")).body());
        assertThat(users.select("#tenant-users tbody tr")).hasSize(1);
        String workbook = page.selectFirst("#statement-xlsx").attr("href");
        Reply download = Api.browser(port).getHtml(workbook);
        assertThat(download.status()).as("the statement needs sign-in").isEqualTo(302);
        Api viewer = Api.browser(port);
        DashboardLogin.signIn(viewer, people.viewer(), PASSWORD);
        assertThat(viewer.getHtml(workbook).status()).isEqualTo(200);
        assertThat(viewer.getHtml(workbook.replace("tenant=" + OWN, "tenant=" + OTHER))
                        .status())
                .isEqualTo(403);
    }
}
