package io.tokenledger.web.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tokenledger.web.testing.TokenLedgerServerTest;
import io.tokenledger.web.testing.WebClient;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/reports/chargeback.xlsx} and {@code .html} against {@code GET /api/v1/ledger} for the same
 * period, and the report-schedules API, over real HTTP.
 */
@TokenLedgerServerTest
class ReportsApiIT {

    private static final String LEDGER = "/api/v1/ledger?from=2025-03-01&to=2025-03-31&groupBy=tenant";
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    private WebClient api;

    @BeforeEach
    void march() {
        api = WebClient.admin(port);
        ReportData.load(api);
    }

    @Test
    void theWorkbooksTotalsEqualTheLedgerApiToTheCent() throws Exception {
        JsonNode ledger = api.get(LEDGER, "application/json").json();

        WebClient.Reply<byte[]> reply = api.getBytes("/api/v1/reports/chargeback.xlsx?period=" + ReportData.PERIOD);

        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo(XLSX);
        assertThat(reply.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"tokenledger-chargeback-2025-03-all.xlsx\"");
        Map<String, Row> summary = summary(reply.body());
        BigDecimal total = money(summary.get("Total").getCell(9));
        assertThat(total).isEqualTo(new BigDecimal(ledger.path("total").asString()).setScale(2, RoundingMode.HALF_UP));
        BigDecimal lines = BigDecimal.ZERO;
        for (JsonNode row : ledger.path("rows")) {
            Row tenant = summary.get(row.path("tenant").asString());
            assertThat(tenant)
                    .as("tenant %s on the summary", row.path("tenant").asString())
                    .isNotNull();
            assertThat(money(tenant.getCell(9)))
                    .isCloseTo(new BigDecimal(row.path("cost").asString()), within(new BigDecimal("0.01")));
            assertThat((long) tenant.getCell(3).getNumericCellValue())
                    .isEqualTo(row.path("requests").asLong());
            lines = lines.add(money(tenant.getCell(9)));
        }
        assertThat(lines).as("the summary is the sum of its lines").isEqualTo(total);
        assertThat(total).isGreaterThan(new BigDecimal("1000"));
        Cell formula = summary.get("globex").getCell(1);
        assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
        assertThat(formula.getStringCellValue()).isEqualTo(ReportData.FORMULA_NAME);
        assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
    }

    @Test
    void theHtmlStatementShowsTheSameTotalAsTheWorkbookAndTheLedger() throws Exception {
        JsonNode ledger = api.get(LEDGER, "application/json").json();
        BigDecimal workbookTotal =
                money(summary(api.getBytes("/api/v1/reports/chargeback.xlsx?period=" + ReportData.PERIOD)
                                .body())
                        .get("Total")
                        .getCell(9));

        WebClient.Reply<String> reply =
                api.get("/api/v1/reports/chargeback.html?period=" + ReportData.PERIOD, "text/html");

        assertThat(reply.status()).as(reply::toString).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        Document page = Jsoup.parse(reply.body());
        assertThat(page.selectFirst("#statement-total").text()).isEqualTo(dollars(workbookTotal));
        assertThat(page.selectFirst("#statement-total").attr("data-exact"))
                .isEqualTo(ledger.path("total").asString());
        assertThat(page.select("#summary tr[data-tenant]").eachAttr("data-tenant"))
                .containsExactlyInAnyOrder("acme", "globex", "initech", "unassigned");
        assertThat(page.select("#summary td").eachText()).contains(ReportData.FORMULA_NAME);
    }

    @Test
    void costCenterAndTenantStatementsHoldOnlyTheirTenants() throws Exception {
        WebClient.Reply<byte[]> costCenter =
                api.getBytes("/api/v1/reports/chargeback.xlsx?period=" + ReportData.PERIOD + "&costCenter=CC-100");
        WebClient.Reply<byte[]> tenant =
                api.getBytes("/api/v1/reports/chargeback.xlsx?period=" + ReportData.PERIOD + "&tenant=globex");

        assertThat(costCenter.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"tokenledger-chargeback-2025-03-costcenter-CC-100.xlsx\"");
        assertThat(summary(costCenter.body()).keySet()).containsExactlyInAnyOrder("acme", "globex", "Total");
        JsonNode globex = api.get(LEDGER + "&tenant=globex", "application/json").json();
        Map<String, Row> globexSummary = summary(tenant.body());
        assertThat(globexSummary.keySet()).containsExactlyInAnyOrder("globex", "Total");
        assertThat(money(globexSummary.get("Total").getCell(9)))
                .isEqualTo(new BigDecimal(globex.path("total").asString()).setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void wrongParametersAreProblemsThatSayWhatToChange() {
        assertProblem(api.get("/api/v1/reports/chargeback.xlsx?period=2025-13", "application/json"), 400, "YYYY-MM");
        assertProblem(
                api.get("/api/v1/reports/chargeback.xlsx?period=2025-03&tenant=a&costCenter=b", "application/json"),
                400,
                "either tenant or costCenter");
        assertProblem(
                api.get("/api/v1/reports/chargeback.html?period=2999-01", "application/json"), 400, "has not begun");
    }

    @Test
    void schedulesAreCreatedListedAndRunAndAFailedRunSaysMailIsNotConfigured() throws Exception {
        WebClient.Reply<String> created = api.postJson("/api/v1/report-schedules", """
                {"cron":"0 0 7 1 * *","zone":"Europe/Berlin","recipients":["finance@example.com"],\
                "scope":"all","format":"xlsx"}""");
        assertThat(created.status()).as(created::toString).isEqualTo(201);
        JsonNode schedule = created.json();
        long id = schedule.path("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/v1/report-schedules/" + id);
        assertThat(schedule.path("zone").asString()).isEqualTo("Europe/Berlin");
        assertThat(schedule.path("period").asString()).isEqualTo("previous");
        assertThat(Instant.parse(schedule.path("nextRun").asString())).isAfter(Instant.now());

        JsonNode list = api.get("/api/v1/report-schedules", "application/json").json();
        assertThat(list.path("mailConfigured").asBoolean()).isFalse();
        assertThat(list.path("schedules").get(0).path("id").asLong()).isEqualTo(id);

        WebClient.Reply<String> run = api.postJson("/api/v1/report-schedules/" + id + "/runs", "");
        assertThat(run.status()).as(run::toString).isEqualTo(202);
        assertThat(run.json().path("trigger").asString()).isEqualTo("manual");

        JsonNode failed = awaitOutcome(id, "failed");
        JsonNode delivery = failed.path("deliveries").get(0);
        assertThat(delivery.path("lastError").asString()).contains("spring.mail.host");
        assertThat(delivery.path("recipients").get(0).asString()).isEqualTo("finance@example.com");
        assertThat(failed.path("recipients").get(0).asString()).isEqualTo("finance@example.com");
    }

    @Test
    void aWrongScheduleIsRefusedNamingTheField() {
        WebClient.Reply<String> reply = api.postJson("/api/v1/report-schedules", """
                {"cron":"* * * * * *","recipients":["finance@example.com"],"scope":"all","format":"xlsx"}""");

        assertProblem(reply, 422, "more than once a minute");
        assertThat(reply.json().path("field").asString()).isEqualTo("cron");
        assertProblem(api.postJson("/api/v1/report-schedules", """
                        {"cron":"0 0 7 1 * *","recipients":["nope"],"scope":"all","format":"xlsx"}"""), 422, "recipients[0]");
        assertProblem(api.get("/api/v1/report-schedules/999/runs", "application/json"), 404, "no report schedule 999");
    }

    private JsonNode awaitOutcome(long schedule, String outcome) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            JsonNode runs = api.get("/api/v1/report-schedules/" + schedule + "/runs", "application/json")
                    .json()
                    .path("runs");
            last = runs.get(0);
            if (last != null && last.path("outcome").asString().equals(outcome)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no run reached '" + outcome + "' in time; last: " + last);
    }

    private static void assertProblem(WebClient.Reply<String> reply, int status, String detail) {
        assertThat(reply.status()).as(reply::toString).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        assertThat(reply.json().path("detail").asString()).contains(detail);
    }

    /** Summary rows by their first cell (tenant key, or "Total" for the first total). */
    static Map<String, Row> summary(byte[] xlsx) throws Exception {
        Map<String, Row> rows = new LinkedHashMap<>();
        // kept open: the rows are read after this returns (the workbook is in memory, nothing to release)
        Sheet sheet = new XSSFWorkbook(new ByteArrayInputStream(xlsx)).getSheet("Summary");
        for (int index = 3; index <= sheet.getLastRowNum(); index++) {
            Row row = sheet.getRow(index);
            if (row == null || row.getCell(0) == null) {
                break;
            }
            rows.put(row.getCell(0).getStringCellValue(), row);
            if (row.getCell(0).getStringCellValue().equals("Total")) {
                break;
            }
        }
        return rows;
    }

    static BigDecimal money(Cell cell) {
        return BigDecimal.valueOf(cell.getNumericCellValue()).setScale(2, RoundingMode.HALF_UP);
    }

    static String dollars(BigDecimal amount) {
        return "$" + String.format("%,.2f", amount);
    }
}
