package io.tokenledger.reporting.excel;

import static io.tokenledger.reporting.excel.WorkbookReadBack.count;
import static io.tokenledger.reporting.excel.WorkbookReadBack.money;
import static io.tokenledger.reporting.excel.WorkbookReadBack.sum;
import static io.tokenledger.reporting.excel.WorkbookReadBack.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tokenledger.reporting.MarchScenario;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ReportingTest;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import io.tokenledger.reporting.statement.StatementRequest;
import io.tokenledger.reporting.statement.StatementScope;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The workbook read back with POI and compared with the ledger for the same period. */
@ReportingTest
class ChargebackWorkbookIT {

    private static final String SUMMARY = "Summary";
    private static final String BY_DEPLOYMENT = "By deployment & model";
    private static final String DAILY = "Daily detail";
    private static final String RATE_CARDS = "Rate cards used";

    @Autowired
    ReportingData data;

    @Autowired
    ChargebackWorkbooks workbooks;

    @Autowired
    Ledgers ledgers;

    @BeforeEach
    void march() {
        MarchScenario.load(data);
    }

    @Test
    void totalsEqualTheLedgerOfThePeriodToTheCentAndTheSummaryIsTheSumOfItsLines() {
        WorkbookReadBack workbook = workbook(StatementRequest.of(MarchScenario.PERIOD, StatementScope.all()));
        Ledger ledger = ledger(List.of(LedgerDimension.TENANT), Optional.empty());

        assertThat(workbook.sheetNames()).containsExactly(SUMMARY, BY_DEPLOYMENT, DAILY, RATE_CARDS, "About");
        Row total = workbook.row(SUMMARY, "Total");
        BigDecimal ledgerTotal = ledger.total().setScale(2, RoundingMode.HALF_UP);
        assertThat(ledgerTotal).isPositive();
        assertThat(money(workbook.cell(SUMMARY, total, "Cost (USD)"))).isEqualTo(ledgerTotal);

        List<Map<String, Cell>> tenants = workbook.table(SUMMARY);
        assertThat(sum(tenants, "Cost (USD)")).isEqualTo(ledgerTotal);
        Map<String, LedgerRow> byTenant =
                ledger.rows().stream().collect(Collectors.toMap(LedgerRow::tenant, row -> row));
        assertThat(tenants)
                .extracting(row -> text(row.get("Tenant key")))
                .containsExactlyInAnyOrderElementsOf(byTenant.keySet());
        for (Map<String, Cell> tenant : tenants) {
            LedgerRow expected = byTenant.get(text(tenant.get("Tenant key")));
            assertThat(money(tenant.get("Cost (USD)")))
                    .as("tenant %s is its exact cost rounded, give or take the cent of apportioning", expected.tenant())
                    .isCloseTo(expected.cost(), within(new BigDecimal("0.01")));
            assertThat(count(tenant.get("Requests"))).isEqualTo(expected.requests());
            assertThat(count(tenant.get("Unpriced requests"))).isEqualTo(expected.unpricedRequests());
            assertThat(count(tenant.get("Prompt tokens"))).isEqualTo(expected.promptTokens());
            assertThat(count(tenant.get("Cached prompt tokens"))).isEqualTo(expected.cachedPromptTokens());
            assertThat(count(tenant.get("Completion tokens"))).isEqualTo(expected.completionTokens());
            assertThat(count(tenant.get("Reasoning tokens"))).isEqualTo(expected.reasoningTokens());
        }
        assertThat(count(workbook.cell(SUMMARY, total, "Requests")))
                .isEqualTo(ledger.rows().stream().mapToLong(LedgerRow::requests).sum());
        assertThat(count(workbook.cell(SUMMARY, total, "Unpriced requests"))).isEqualTo(ledger.unpricedRequests());
    }

    @Test
    void deploymentAndDailyLinesAddUpToTheirTenantsSummaryCost() {
        WorkbookReadBack workbook = workbook(StatementRequest.of(MarchScenario.PERIOD, StatementScope.all()));

        Map<String, BigDecimal> summary = costsBy(workbook.table(SUMMARY), "Tenant key");
        assertThat(costsBy(workbook.table(BY_DEPLOYMENT), "Tenant key")).isEqualTo(summary);
        assertThat(costsBy(workbook.table(DAILY), "Tenant key")).isEqualTo(summary);
        assertThat(workbook.table(DAILY))
                .hasSize(ledger(
                                List.of(LedgerDimension.TENANT, LedgerDimension.DEPLOYMENT, LedgerDimension.DAY),
                                Optional.empty())
                        .rows()
                        .size());
        assertThat(workbook.table(BY_DEPLOYMENT))
                .filteredOn(row -> text(row.get("Deployment")).equals("gpt-4o-mini"))
                .extracting(row -> text(row.get("Model")))
                .containsExactlyInAnyOrder("gpt-4o-mini-2024-07-18", "(not reported)");
    }

    @Test
    void formulaLookingNamesKeysAndCostCentersStayText() {
        WorkbookReadBack workbook = workbook(StatementRequest.of(MarchScenario.PERIOD, StatementScope.all()));

        assertThat(workbook.allCells()).noneMatch(cell -> cell.getCellType() == CellType.FORMULA);
        Map<String, Cell> globex = workbook.table(SUMMARY).stream()
                .filter(row -> text(row.get("Tenant key")).equals("globex"))
                .findFirst()
                .orElseThrow();
        Cell name = globex.get("Tenant name");
        assertThat(name.getCellType()).isEqualTo(CellType.STRING);
        assertThat(name.getStringCellValue()).isEqualTo(MarchScenario.FORMULA_NAME);
        assertThat(name.getCellStyle().getQuotePrefixed()).isTrue();
        Map<String, Cell> formulaKey = workbook.table(SUMMARY).stream()
                .filter(row -> text(row.get("Tenant key")).equals(MarchScenario.FORMULA_KEY))
                .findFirst()
                .orElseThrow();
        assertThat(formulaKey.get("Tenant key").getCellStyle().getQuotePrefixed())
                .isTrue();
        assertThat(formulaKey.get("Cost center").getStringCellValue()).isEqualTo(MarchScenario.FORMULA_COST_CENTER);
        assertThat(formulaKey.get("Cost center").getCellStyle().getQuotePrefixed())
                .isTrue();
        assertThat(formulaKey.get("Tenant name"))
                .as("a tenant without a name has an empty name cell")
                .satisfiesAnyOf(
                        cell -> assertThat(cell).isNull(),
                        cell -> assertThat(text(cell)).isNull());
        Map<String, Cell> acme = workbook.table(SUMMARY).stream()
                .filter(row -> text(row.get("Tenant key")).equals("acme"))
                .findFirst()
                .orElseThrow();
        assertThat(acme.get("Tenant name").getCellStyle().getQuotePrefixed()).isFalse();
    }

    @Test
    void sheetsHaveFrozenHeadersFiltersAndRealNumberFormats() {
        WorkbookReadBack workbook = workbook(StatementRequest.of(MarchScenario.PERIOD, StatementScope.all()));

        for (String name : List.of(SUMMARY, BY_DEPLOYMENT, DAILY, RATE_CARDS)) {
            XSSFSheet sheet = (XSSFSheet) workbook.sheet(name);
            assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition())
                    .as(name)
                    .isEqualTo((short) (WorkbookReadBack.HEADER_ROW + 1));
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).as(name).isTrue();
            assertThat(sheet.getColumnWidth(0)).as(name).isGreaterThan(6 * 256);
        }
        Map<String, Cell> first = workbook.table(SUMMARY).getFirst();
        assertThat(first.get("Cost (USD)").getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(first.get("Cost (USD)").getCellStyle().getDataFormatString()).contains("\"$\"#,##0.00");
        assertThat(first.get("Requests").getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        Map<String, Cell> acmeFirstDay = workbook.table(DAILY).stream()
                .filter(row -> text(row.get("Tenant key")).equals("acme"))
                .findFirst()
                .orElseThrow();
        Cell day = acmeFirstDay.get("Day");
        assertThat(day.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(day.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
        assertThat(day.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(MarchScenario.PERIOD.atDay(1));
    }

    @Test
    void rateCardsSheetTracesEveryDayToTheVersionThatPricedIt() {
        WorkbookReadBack workbook = workbook(StatementRequest.of(MarchScenario.PERIOD, StatementScope.all()));

        List<Map<String, Cell>> uses = workbook.table(RATE_CARDS);
        List<String> gpt4o = uses.stream()
                .filter(row -> text(row.get("Deployment")).equals("gpt-4o"))
                .map(row -> row.get("In force from").getLocalDateTimeCellValue().toLocalDate() + ".."
                        + row.get("In force to").getLocalDateTimeCellValue().toLocalDate() + " prompt "
                        + row.get("Prompt per 1M").getNumericCellValue())
                .toList();
        assertThat(gpt4o).containsExactly("2025-03-01..2025-03-15 prompt 2.5", "2025-03-16..2025-03-31 prompt 2.0");
        assertThat(uses)
                .filteredOn(row -> text(row.get("Deployment")).equals("llama-3-70b"))
                .singleElement()
                .satisfies(row -> assertThat(text(row.get("Matches"))).contains("unpriced"));
    }

    @Test
    void costCenterStatementHoldsOnlyItsTenantsAndEqualsTheirLedgerTotal() {
        WorkbookReadBack workbook =
                workbook(StatementRequest.of(MarchScenario.PERIOD, new StatementScope.CostCenter("CC-100")));

        assertThat(workbook.table(SUMMARY))
                .extracting(row -> text(row.get("Tenant key")))
                .containsExactly("acme", "globex");
        BigDecimal exact = ledger(List.of(LedgerDimension.TENANT), Optional.empty()).rows().stream()
                .filter(row -> Set.of("acme", "globex").contains(row.tenant()))
                .map(LedgerRow::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(money(workbook.cell(SUMMARY, workbook.row(SUMMARY, "Total"), "Cost (USD)")))
                .isEqualTo(exact.setScale(2, RoundingMode.HALF_UP));
        assertThat(workbook.table(DAILY))
                .extracting(row -> text(row.get("Tenant key")))
                .containsOnly("acme", "globex");
    }

    @Test
    void tenantStatementEqualsTheLedgerOfThatTenant() {
        WorkbookReadBack workbook =
                workbook(StatementRequest.of(MarchScenario.PERIOD, new StatementScope.Tenant("globex")));

        assertThat(workbook.table(SUMMARY))
                .singleElement()
                .satisfies(row -> assertThat(text(row.get("Tenant key"))).isEqualTo("globex"));
        assertThat(money(workbook.cell(SUMMARY, workbook.row(SUMMARY, "Total"), "Cost (USD)")))
                .isEqualTo(ledger(List.of(LedgerDimension.TENANT), Optional.of("globex"))
                        .total()
                        .setScale(2, RoundingMode.HALF_UP));
    }

    @Test
    void aTenantOwnersStatementHoldsOnlyTheirTenantsWhateverTheScope() {
        WorkbookReadBack workbook = workbook(new StatementRequest(
                MarchScenario.PERIOD, StatementScope.all(), Optional.of(Set.of("acme", "nobody"))));

        assertThat(workbook.table(SUMMARY))
                .extracting(row -> text(row.get("Tenant key")))
                .containsExactly("acme");
        assertThat(workbook.table(BY_DEPLOYMENT))
                .extracting(row -> text(row.get("Tenant key")))
                .containsOnly("acme");
    }

    @Test
    void aPeriodWithoutUsageGivesAnEmptyStatementWithZeroTotal() {
        WorkbookReadBack workbook = workbook(StatementRequest.of(YearMonth.of(2024, 1), StatementScope.all()));

        assertThat(workbook.table(SUMMARY)).isEmpty();
        assertThat(money(workbook.cell(SUMMARY, workbook.row(SUMMARY, "Total"), "Cost (USD)")))
                .isEqualByComparingTo("0");
        assertThat(workbook.table(DAILY)).isEmpty();
    }

    private WorkbookReadBack workbook(StatementRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            workbooks.write(request, out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return WorkbookReadBack.of(out.toByteArray());
    }

    private Ledger ledger(List<LedgerDimension> groupBy, Optional<String> tenant) {
        return ledgers.query(new LedgerQuery(
                MarchScenario.PERIOD.atDay(1),
                MarchScenario.PERIOD.atEndOfMonth(),
                groupBy,
                tenant,
                TenantScope.allTenants()));
    }

    private static Map<String, BigDecimal> costsBy(List<Map<String, Cell>> rows, String key) {
        Map<String, BigDecimal> costs = new HashMap<>();
        for (Map<String, Cell> row : rows) {
            costs.merge(text(row.get(key)), money(row.get("Cost (USD)")), BigDecimal::add);
        }
        return costs;
    }
}
