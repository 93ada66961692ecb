package io.tokenledger.reporting.ledger;

import static io.tokenledger.reporting.UsageFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ReportingTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Month queries read the month rollups when those answer exactly, and give the same lines as the daily rollups
 * would; ranges that cut into a month with usage on the days left out read the daily rollups. Prices are 10 per 1M
 * tokens, so an event of 1,200 tokens costs 0.012.
 */
@ReportingTest
class MonthRollupQueriesIT {

    private static final List<LedgerDimension> BY_TENANT = List.of(LedgerDimension.TENANT);

    @Autowired
    ReportingData data;

    @Autowired
    Ledgers ledgers;

    @Autowired
    MonthRollups monthRollups;

    @BeforeEach
    void usageInOctoberAndNovember() {
        data.reset();
        data.price("gpt-4o", "2026-01-01", "10", "10", "10");
        data.ingest(
                event("oct-1").at("2026-10-01T10:00:00Z"),
                event("oct-2").tenant("globex").at("2026-10-31T23:30:00Z"),
                event("nov-1").at("2026-11-02T10:00:00Z"),
                event("nov-2").tenant("globex").deployment("gpt-4o-mini").at("2026-11-15T10:00:00Z"),
                event("nov-3").tenant("initech").at("2026-11-20T10:00:00Z"));
    }

    @Test
    void aWholeMonthByTenantIsReadFromTheMonthRollupAndEqualsTheDailyRollup() {
        LedgerQuery november = query("2026-11-01", "2026-11-30", BY_TENANT);

        assertThat(monthRollups.tableFor(november)).isPresent();
        assertThat(costs(ledgers.query(november)))
                .isEqualTo(costsFromDays("2026-11-01", "2026-11-30"))
                .containsOnlyKeys("acme", "globex", "initech");
        assertThat(ledgers.query(november).total()).isEqualByComparingTo("0.024");
    }

    @Test
    void monthToDateIsAWholeMonthUntilUsageArrivesForALaterDay() {
        LedgerQuery toThe20th = query("2026-11-01", "2026-11-20", BY_TENANT);
        LedgerQuery toThe19th = query("2026-11-01", "2026-11-19", BY_TENANT);

        assertThat(monthRollups.tableFor(toThe20th))
                .as("no usage after the 20th")
                .isPresent();
        assertThat(monthRollups.tableFor(toThe19th))
                .as("initech used it on the 20th")
                .isEmpty();
        assertThat(costs(ledgers.query(toThe19th))).containsOnlyKeys("acme", "globex");
        assertThat(costs(ledgers.query(toThe20th))).isEqualTo(costsFromDays("2026-11-01", "2026-11-20"));
    }

    @Test
    void aRangeThatCutsIntoAMonthWithUsageOnTheDaysLeftOutReadsTheDays() {
        LedgerQuery fromThe2nd = query("2026-10-02", "2026-11-30", BY_TENANT);

        assertThat(monthRollups.tableFor(fromThe2nd)).isEmpty();
        assertThat(costs(ledgers.query(fromThe2nd)))
                .as("oct-1 lies before the range; globex's November usage is unpriced")
                .containsEntry("acme", new BigDecimal("0.012"))
                .containsEntry("globex", new BigDecimal("0.012"));
    }

    @Test
    void byDeploymentAndModelAcrossTwoMonthsEqualsTheDailyRollup() {
        LedgerQuery twoMonths =
                query("2026-10-01", "2026-11-30", List.of(LedgerDimension.DEPLOYMENT, LedgerDimension.MODEL));

        assertThat(monthRollups.tableFor(twoMonths)).isPresent();
        assertThat(ledgers.query(twoMonths).rows())
                .extracting(LedgerRow::deployment, LedgerRow::requests)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("gpt-4o", 4L),
                        org.assertj.core.groups.Tuple.tuple("gpt-4o-mini", 1L));
    }

    @Test
    void aTenantViewersScopeAndADayGroupingStayOnTheRightRollup() {
        LedgerQuery scoped = query("2026-11-01", "2026-11-30", List.of(LedgerDimension.DEPLOYMENT))
                .within(TenantScope.only(List.of("globex")));
        LedgerQuery byDay = query("2026-11-01", "2026-11-30", List.of(LedgerDimension.DAY));

        assertThat(monthRollups.tableFor(scoped))
                .as("deployment months know no tenants")
                .isEmpty();
        assertThat(ledgers.query(scoped).rows())
                .singleElement()
                .satisfies(row -> assertThat(row.deployment()).isEqualTo("gpt-4o-mini"));
        assertThat(monthRollups.tableFor(byDay)).isEmpty();
        assertThat(ledgers.query(byDay).rows()).hasSize(3);
    }

    private static LedgerQuery query(String from, String to, List<LedgerDimension> groupBy) {
        return new LedgerQuery(LocalDate.parse(from), LocalDate.parse(to), groupBy, Optional.empty());
    }

    /** The same range by tenant and day (always the daily rollup), summed per tenant. */
    private Map<String, BigDecimal> costsFromDays(String from, String to) {
        return costs(ledgers.query(query(from, to, List.of(LedgerDimension.TENANT, LedgerDimension.DAY))));
    }

    /** Cost per tenant, without trailing zeros so that equal amounts compare equal. */
    private static Map<String, BigDecimal> costs(Ledger ledger) {
        Map<String, BigDecimal> costs = new TreeMap<>();
        ledger.rows().forEach(row -> costs.merge(row.tenant(), row.cost(), BigDecimal::add));
        costs.replaceAll((tenant, cost) -> cost.stripTrailingZeros());
        return costs;
    }
}
