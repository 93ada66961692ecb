package io.tokenledger.reporting.ledger;

import static io.tokenledger.db.jooq.Tables.LEDGER_ADJUSTMENT;
import static io.tokenledger.db.jooq.Tables.USAGE_TENANT_DAY;

import io.tokenledger.db.jooq.tables.records.LedgerAdjustmentRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Reads the adjustments ingest books and the per-period sums of usage (from the tenant × day rollup) and adjustments. */
@Repository
class AdjustmentRepository {

    private static final Field<BigDecimal> USAGE_COST = DSL.coalesce(DSL.sum(USAGE_TENANT_DAY.COST), BigDecimal.ZERO);
    private static final Field<BigDecimal> UNPRICED =
            DSL.coalesce(DSL.sum(USAGE_TENANT_DAY.UNPRICED_REQUESTS), BigDecimal.ZERO);
    private static final Field<BigDecimal> ADJUSTED = DSL.coalesce(DSL.sum(LEDGER_ADJUSTMENT.COST), BigDecimal.ZERO);
    private static final Field<BigDecimal> ADJUSTED_UNPRICED =
            DSL.coalesce(DSL.sum(LEDGER_ADJUSTMENT.UNPRICED_REQUESTS), BigDecimal.ZERO);

    private final DSLContext dsl;

    AdjustmentRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<AdjustmentLine> bookedIn(YearMonth period, TenantScope scope) {
        return dsl.selectFrom(LEDGER_ADJUSTMENT)
                .where(LEDGER_ADJUSTMENT.BOOKED_PERIOD.eq(period.atDay(1)))
                .and(scope.on(LEDGER_ADJUSTMENT.TENANT_KEY))
                .orderBy(
                        LEDGER_ADJUSTMENT.TENANT_KEY,
                        LEDGER_ADJUSTMENT.REFERS_TO_PERIOD,
                        LEDGER_ADJUSTMENT.CAUSE,
                        LEDGER_ADJUSTMENT.DEPLOYMENT,
                        LEDGER_ADJUSTMENT.MODEL,
                        LEDGER_ADJUSTMENT.ADJUSTMENT_ID)
                .fetch(AdjustmentRepository::toLine);
    }

    /** Usage and adjustments of a period per tenant, for the tenants with either. */
    Map<String, PeriodTotal> totalsByTenant(YearMonth period, TenantScope scope) {
        Map<String, PeriodTotal> totals = new LinkedHashMap<>();
        dsl.select(USAGE_TENANT_DAY.TENANT_KEY, USAGE_COST, UNPRICED)
                .from(USAGE_TENANT_DAY)
                .where(USAGE_TENANT_DAY.USAGE_DAY.between(period.atDay(1), period.atEndOfMonth()))
                .and(scope.on(USAGE_TENANT_DAY.TENANT_KEY))
                .groupBy(USAGE_TENANT_DAY.TENANT_KEY)
                .orderBy(USAGE_TENANT_DAY.TENANT_KEY)
                .forEach(row -> totals.put(
                        row.value1(), new PeriodTotal(period, row.value2(), BigDecimal.ZERO, count(row.value3()))));
        dsl.select(LEDGER_ADJUSTMENT.TENANT_KEY, ADJUSTED, ADJUSTED_UNPRICED)
                .from(LEDGER_ADJUSTMENT)
                .where(LEDGER_ADJUSTMENT.BOOKED_PERIOD.eq(period.atDay(1)))
                .and(scope.on(LEDGER_ADJUSTMENT.TENANT_KEY))
                .groupBy(LEDGER_ADJUSTMENT.TENANT_KEY)
                .forEach(row -> totals.merge(
                        row.value1(),
                        new PeriodTotal(period, BigDecimal.ZERO, row.value2(), count(row.value3())),
                        (usage, adjustments) -> new PeriodTotal(
                                period,
                                usage.usage(),
                                adjustments.adjustments(),
                                usage.unpricedRequests() + adjustments.unpricedRequests())));
        return totals;
    }

    /** The months that have usage or adjustments, newest first. */
    List<YearMonth> periodsWithEntries() {
        var usageMonths = DSL.selectDistinct(DSL.field(
                                "date_trunc('month', {0}::timestamp)::date",
                                LocalDate.class, USAGE_TENANT_DAY.USAGE_DAY)
                        .as("period"))
                .from(USAGE_TENANT_DAY);
        var adjustmentMonths =
                DSL.selectDistinct(LEDGER_ADJUSTMENT.BOOKED_PERIOD.as("period")).from(LEDGER_ADJUSTMENT);
        return dsl.select(DSL.field(DSL.name("p", "period"), LocalDate.class))
                .from(usageMonths.union(adjustmentMonths).asTable("p"))
                .orderBy(DSL.field(DSL.name("p", "period")).desc())
                .fetch(row -> YearMonth.from(row.value1()));
    }

    private static long count(BigDecimal sum) {
        return sum == null ? 0 : sum.longValueExact();
    }

    private static AdjustmentLine toLine(LedgerAdjustmentRecord row) {
        return new AdjustmentLine(
                row.getAdjustmentId(),
                YearMonth.from(row.getBookedPeriod()),
                YearMonth.from(row.getRefersToPeriod()),
                AdjustmentLine.Cause.valueOf(row.getCause()),
                row.getTenantKey(),
                row.getDeployment(),
                row.getModel().isEmpty() ? null : row.getModel(),
                row.getRequests(),
                row.getPromptTokens(),
                row.getCachedPromptTokens(),
                row.getCompletionTokens(),
                row.getReasoningTokens(),
                row.getCost(),
                row.getUnpricedRequests(),
                row.getCreatedAt().toInstant(),
                row.getUpdatedAt().toInstant());
    }
}
