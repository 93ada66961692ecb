package io.tokenledger.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.WebClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The reports page as a signed-in browser uses it: pick a period, download, schedule, run now, read the log. */
@TokenLedgerServerTest
class ReportsPageIT {

    @LocalServerPort
    int port;

    private WebClient browser;

    @BeforeEach
    void march() {
        ReportData.load(WebClient.admin(port));
        browser = WebClient.signedInBrowser(port);
    }

    @Test
    void thePeriodPickerOffersEveryScopesWorkbookAndStatementWithTheApisNumbers() throws Exception {
        Document page = page("/reports?period=" + ReportData.PERIOD);

        assertThat(page.select("#period-picker select[name=period] option[selected]")
                        .attr("value"))
                .isEqualTo(ReportData.PERIOD);
        assertThat(page.select("#downloads tr[data-scope]").eachAttr("data-scope"))
                .containsExactly("All tenants", "Cost center CC-100", "Cost center CC-200");
        assertThat(page.select("#tenant-download select[name=tenant] option").eachAttr("value"))
                .contains("acme", "globex", "initech", "unassigned");

        String xlsxLink = page.selectFirst("#downloads tr[data-scope='All tenants'] a.xlsx")
                .attr("href");
        WebClient.Reply<byte[]> download = browser.getBytes(xlsxLink);
        assertThat(download.status()).as(download::toString).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).contains("tokenledger-chargeback-2025-03-all.xlsx");
        BigDecimal pageTotal = ReportsApiIT.money(
                ReportsApiIT.summary(download.body()).get("Total").getCell(9));
        BigDecimal apiTotal = ReportsApiIT.money(ReportsApiIT.summary(WebClient.admin(port)
                        .getBytes("/api/v1/reports/chargeback.xlsx?period=" + ReportData.PERIOD)
                        .body())
                .get("Total")
                .getCell(9));
        assertThat(pageTotal).isEqualTo(apiTotal);

        String htmlLink = page.selectFirst("#downloads tr[data-scope='Cost center CC-100'] a.html")
                .attr("href");
        WebClient.Reply<String> statement = browser.get(htmlLink, "text/html");
        assertThat(statement.status()).as(statement::toString).isEqualTo(200);
        Document html = Jsoup.parse(statement.body());
        assertThat(html.select("#summary tr[data-tenant]").eachAttr("data-tenant"))
                .containsExactly("acme", "globex");
        String stylesheet = html.selectFirst("link[rel=stylesheet]").attr("href");
        assertThat(html.select("style"))
                .as("the page's CSP forbids inline styles")
                .isEmpty();
        WebClient.Reply<String> css = browser.get(stylesheet, "text/css");
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.body()).contains("body.statement");
    }

    @Test
    void anAdminSchedulesAReportRunsItAndSeesTheFailureReasonInTheRunLog() throws Exception {
        Document page = page("/reports");
        assertThat(page.selectFirst("#mail-not-configured").text()).contains("spring.mail.host");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", page.selectFirst("#schedule-form input[name=_csrf]").attr("value"));
        form.put("name", "Finance monthly");
        form.put("cron", "0 0 7 1 * *");
        form.put("zone", "Europe/Berlin");
        form.put("recipients", "finance@example.com, cfo@example.com");
        form.put("scope", "costCenter:CC-100");
        form.put("format", "both");
        form.put("period", "previous");
        WebClient.Reply<String> created = browser.postForm("/reports/schedules", form);
        assertThat(created.status()).as(created::toString).isEqualTo(302);

        page = page("/reports");
        assertThat(page.selectFirst("[role=status]").text()).contains("Finance monthly");
        Element row = page.selectFirst("#schedule-list tr[data-schedule]");
        assertThat(row.text())
                .contains("Finance monthly", "Cost center CC-100", "finance@example.com, cfo@example.com");

        Element runNow = row.selectFirst("form[action$=/run]");
        WebClient.Reply<String> ran = browser.postForm(
                runNow.attr("action"),
                Map.of("_csrf", runNow.selectFirst("input[name=_csrf]").attr("value")));
        assertThat(ran.status()).as(ran::toString).isEqualTo(302);

        Element run = awaitRun("failed");
        assertThat(run.text()).contains("Finance monthly", "manual", "finance@example.com");
        assertThat(run.selectFirst("td.reason").text()).contains("spring.mail.host");
    }

    @Test
    void aRefusedScheduleIsShownWithItsReasonAndTheFormKeepsWhatWasTyped() {
        Document page = page("/reports");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("_csrf", page.selectFirst("#schedule-form input[name=_csrf]").attr("value"));
        form.put("cron", "every monday");
        form.put("recipients", "finance@example.com");

        browser.postForm("/reports/schedules", form);
        page = page("/reports");

        assertThat(page.selectFirst("[role=alert]").text()).contains("cron 'every monday'");
        assertThat(page.selectFirst("#schedule-form input[name=cron]").attr("value"))
                .isEqualTo("every monday");
        assertThat(page.select("#schedule-list")).isEmpty();
    }

    private Element awaitRun(String outcome) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Element run = null;
        while (Instant.now().isBefore(deadline)) {
            run = page("/reports").selectFirst("#run-log tr[data-run]");
            if (run != null && run.attr("data-outcome").equals(outcome)) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run log shows no '" + outcome + "' run in time; last: " + run);
    }

    private Document page(String path) {
        WebClient.Reply<String> reply = browser.get(path, "text/html");
        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        return Jsoup.parse(reply.body());
    }
}
