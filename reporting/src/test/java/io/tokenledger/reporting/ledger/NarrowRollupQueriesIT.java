package io.tokenledger.reporting.ledger;

import static io.tokenledger.db.jooq.Tables.USAGE_DAILY;
import static io.tokenledger.db.jooq.Tables.USAGE_DEPLOYMENT_DAY;
import static io.tokenledger.db.jooq.Tables.USAGE_TENANT_DAY;
import static io.tokenledger.reporting.UsageFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ReportingTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Queries that need no more than tenants and days, or deployments, models and days, read the narrow rollups and
 * give exactly what the daily rollup gives. Prices are 10 per 1M tokens, so an event of 1,200 tokens costs 0.012;
 * gpt-4o-mini has no price.
 */
@ReportingTest
class NarrowRollupQueriesIT {

    @Autowired
    ReportingData data;

    @Autowired
    Ledgers ledgers;

    @BeforeEach
    void usageInOctoberAndNovember() {
        data.reset();
        data.price("gpt-4o", "2026-01-01", "10", "10", "10");
        data.ingest(
                event("oct-1").at("2026-10-01T10:00:00Z"),
                event("oct-2").tenant("globex").at("2026-10-31T23:30:00Z"),
                event("nov-1").at("2026-11-02T10:00:00Z"),
                event("nov-2").tenant("globex").deployment("gpt-4o-mini").at("2026-11-15T10:00:00Z"),
                event("nov-3").tenant("initech").at("2026-11-20T10:00:00Z"),
                event("nov-4").tenant("initech").model("gpt-4o-mini-2024-07-18").at("2026-11-20T11:00:00Z"));
    }

    @Test
    void aMonthByTenantIsReadFromTheTenantRollupAndEqualsTheDailyRollup() {
        LedgerQuery november = query("2026-11-01", "2026-11-30", LedgerDimension.TENANT);
        LedgerQuery sameFromDays = query("2026-11-01", "2026-11-30", LedgerDimension.TENANT, LedgerDimension.MODEL);

        assertThat(NarrowRollups.tableFor(november)).isEqualTo(USAGE_TENANT_DAY);
        assertThat(NarrowRollups.tableFor(sameFromDays)).isEqualTo(USAGE_DAILY);
        assertThat(costByTenant(ledgers.query(november)))
                .isEqualTo(costByTenant(ledgers.query(sameFromDays)))
                .containsOnlyKeys("acme", "globex", "initech");
        assertThat(ledgers.query(november).total()).isEqualByComparingTo("0.036");
    }

    @Test
    void spendPerDayAndTenantEqualsTheDailyRollup() {
        LedgerQuery perDay = query("2026-10-01", "2026-11-30", LedgerDimension.TENANT, LedgerDimension.DAY);
        LedgerQuery perDayAndDeployment = query(
                "2026-10-01", "2026-11-30", LedgerDimension.TENANT, LedgerDimension.DAY, LedgerDimension.DEPLOYMENT);

        assertThat(NarrowRollups.tableFor(perDay)).isEqualTo(USAGE_TENANT_DAY);
        assertThat(NarrowRollups.oneRowPerGroup(perDay))
                .as("read without grouping")
                .isTrue();
        assertThat(NarrowRollups.oneRowPerGroup(perDayAndDeployment)).isFalse();
        assertThat(lines(ledgers.query(perDay)))
                .isEqualTo(lines(ledgers.query(perDayAndDeployment)))
                .hasSize(5);
    }

    @Test
    void byDeploymentAndModelAcrossTwoMonthsIsReadFromTheDeploymentRollup() {
        LedgerQuery twoMonths = query("2026-10-01", "2026-11-30", LedgerDimension.DEPLOYMENT, LedgerDimension.MODEL);

        assertThat(NarrowRollups.tableFor(twoMonths)).isEqualTo(USAGE_DEPLOYMENT_DAY);
        assertThat(ledgers.query(twoMonths).rows())
                .extracting(LedgerRow::deployment, LedgerRow::model, LedgerRow::requests, LedgerRow::unpricedRequests)
                .containsExactly(
                        tuple("gpt-4o", "gpt-4o-2024-08-06", 4L, 0L),
                        tuple("gpt-4o", "gpt-4o-mini-2024-07-18", 1L, 0L),
                        tuple("gpt-4o-mini", "gpt-4o-2024-08-06", 1L, 1L));
    }

    @Test
    void aTenantViewersScopeOrATenantFilterKeepsDeploymentQueriesOnTheDailyRollup() {
        LedgerQuery scoped = within(
                query("2026-11-01", "2026-11-30", LedgerDimension.DEPLOYMENT), TenantScope.only(List.of("globex")));
        LedgerQuery oneTenant = new LedgerQuery(
                LocalDate.parse("2026-11-01"),
                LocalDate.parse("2026-11-30"),
                List.of(LedgerDimension.DEPLOYMENT),
                Optional.of("initech"),
                TenantScope.allTenants());

        assertThat(NarrowRollups.tableFor(scoped)).isEqualTo(USAGE_DAILY);
        assertThat(ledgers.query(scoped).rows())
                .extracting(LedgerRow::deployment)
                .containsExactly("gpt-4o-mini");
        assertThat(NarrowRollups.tableFor(oneTenant)).isEqualTo(USAGE_DAILY);
        assertThat(ledgers.query(oneTenant).rows())
                .extracting(LedgerRow::deployment, LedgerRow::requests)
                .containsExactly(tuple("gpt-4o", 2L));
    }

    @Test
    void spendPerDayAndPageTotalsForEveryTenantComeFromTheDeploymentRollupAndEqualTheDailyRollup() {
        LedgerQuery perDay = query("2026-10-01", "2026-11-30", LedgerDimension.DAY);
        LedgerQuery everything = query(
                "2026-10-01",
                "2026-11-30",
                LedgerDimension.DAY,
                LedgerDimension.TENANT,
                LedgerDimension.DEPLOYMENT,
                LedgerDimension.MODEL);
        LedgerQuery scopedPerDay = within(perDay, TenantScope.only(List.of("globex")));

        assertThat(NarrowRollups.tableFor(perDay)).isEqualTo(USAGE_DEPLOYMENT_DAY);
        assertThat(NarrowRollups.tableFor(scopedPerDay)).isEqualTo(USAGE_TENANT_DAY);
        assertThat(costByDay(ledgers.query(perDay))).isEqualTo(costByDay(ledgers.query(everything)));

        LedgerPage page = ledgers.page(everything, Optional.empty(), 2);
        assertThat(page.rows()).hasSize(2);
        assertThat(page.total()).isEqualByComparingTo("0.060");
        assertThat(page.unpricedRequests()).isEqualTo(1);
        LedgerPage scopedPage =
                ledgers.page(within(everything, TenantScope.only(List.of("globex"))), Optional.empty(), 1);
        assertThat(scopedPage.total()).isEqualByComparingTo("0.012");
        assertThat(scopedPage.unpricedRequests()).isEqualTo(1);
    }

    @Test
    void aTenantViewersScopeNarrowsTheTenantRollup() {
        LedgerQuery scoped = within(
                query("2026-10-01", "2026-11-30", LedgerDimension.TENANT),
                TenantScope.only(List.of("globex", "initech")));

        assertThat(NarrowRollups.tableFor(scoped)).isEqualTo(USAGE_TENANT_DAY);
        assertThat(costByTenant(ledgers.query(scoped))).containsOnlyKeys("globex", "initech");
    }

    private static LedgerQuery within(LedgerQuery query, TenantScope scope) {
        return new LedgerQuery(query.from(), query.to(), query.groupBy(), query.tenant(), scope);
    }

    private static LedgerQuery query(String from, String to, LedgerDimension... groupBy) {
        return new LedgerQuery(
                LocalDate.parse(from),
                LocalDate.parse(to),
                List.of(groupBy),
                Optional.empty(),
                TenantScope.allTenants());
    }

    /** Cost per tenant, without trailing zeros so that equal amounts compare equal. */
    private static Map<String, BigDecimal> costByTenant(Ledger ledger) {
        Map<String, BigDecimal> costs = new TreeMap<>();
        ledger.rows().forEach(row -> costs.merge(row.tenant(), row.cost(), BigDecimal::add));
        costs.replaceAll((tenant, cost) -> cost.stripTrailingZeros());
        return costs;
    }

    /** Cost per day, without trailing zeros. */
    private static Map<LocalDate, BigDecimal> costByDay(Ledger ledger) {
        Map<LocalDate, BigDecimal> costs = new TreeMap<>();
        ledger.rows().forEach(row -> costs.merge(row.day(), row.cost(), BigDecimal::add));
        costs.replaceAll((day, cost) -> cost.stripTrailingZeros());
        return costs;
    }

    /** Requests, tokens and cost per tenant and day, summed over whatever else the rows are split by. */
    private static List<String> lines(Ledger ledger) {
        Map<String, long[]> counts = new TreeMap<>();
        Map<String, BigDecimal> costs = new TreeMap<>();
        for (LedgerRow row : ledger.rows()) {
            String key = row.tenant() + " " + row.day();
            long[] sums = counts.computeIfAbsent(key, k -> new long[3]);
            sums[0] += row.requests();
            sums[1] += row.promptTokens();
            sums[2] += row.unpricedRequests();
            costs.merge(key, row.cost(), BigDecimal::add);
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((key, sums) -> lines.add(key + " " + sums[0] + " " + sums[1] + " " + sums[2] + " "
                + costs.get(key).stripTrailingZeros()));
        return lines;
    }
}
