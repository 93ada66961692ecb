package io.tokenledger.reporting.ledger;

import static io.tokenledger.db.jooq.Tables.USAGE_DAILY;

import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The per-tenant ledger, read from the daily rollups that ingest maintains with every batch. */
@Service
public class Ledgers {

    private static final Field<BigDecimal> REQUESTS = DSL.sum(USAGE_DAILY.REQUESTS);
    private static final Field<BigDecimal> PROMPT = DSL.sum(USAGE_DAILY.PROMPT_TOKENS);
    private static final Field<BigDecimal> CACHED = DSL.sum(USAGE_DAILY.CACHED_PROMPT_TOKENS);
    private static final Field<BigDecimal> COMPLETION = DSL.sum(USAGE_DAILY.COMPLETION_TOKENS);
    private static final Field<BigDecimal> REASONING = DSL.sum(USAGE_DAILY.REASONING_TOKENS);
    private static final Field<BigDecimal> COST = DSL.sum(USAGE_DAILY.COST);
    private static final Field<BigDecimal> UNPRICED = DSL.sum(USAGE_DAILY.UNPRICED_REQUESTS);

    private final DSLContext dsl;
    private final RateCards rateCards;
    private final AdjustmentRepository adjustments;

    Ledgers(DSLContext dsl, RateCards rateCards, AdjustmentRepository adjustments) {
        this.dsl = dsl;
        this.rateCards = rateCards;
        this.adjustments = adjustments;
    }

    @Transactional(readOnly = true)
    public Ledger query(LedgerQuery query) {
        List<Field<?>> keys =
                query.groupBy().stream().<Field<?>>map(Ledgers::column).toList();
        List<Field<?>> select = new ArrayList<>(keys);
        select.addAll(List.of(REQUESTS, PROMPT, CACHED, COMPLETION, REASONING, COST, UNPRICED));
        Condition condition = USAGE_DAILY.USAGE_DAY.between(query.from(), query.to());
        if (query.tenant().isPresent()) {
            condition = condition.and(USAGE_DAILY.TENANT_KEY.eq(query.tenant().get()));
        }
        condition = condition.and(query.scope().on(USAGE_DAILY.TENANT_KEY));
        List<LedgerRow> rows = dsl.select(select)
                .from(USAGE_DAILY)
                .where(condition)
                .groupBy(keys)
                .orderBy(keys.stream().map(Field::asc).toList())
                .fetch(record -> toRow(record, query.groupBy()));
        BigDecimal total = rows.stream().map(LedgerRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Ledger(rateCards.reportingCurrency(), rows, total);
    }

    /**
     * The adjustments booked in {@code period} (for earlier, closed periods: late usage, re-pricing), in the
     * order a statement lists them.
     */
    @Transactional(readOnly = true)
    public List<AdjustmentLine> adjustmentsBookedIn(YearMonth period, TenantScope scope) {
        return adjustments.bookedIn(period, scope);
    }

    /** What {@code period} charges the tenants in {@code scope}: usage of its days plus adjustments booked in it. */
    @Transactional(readOnly = true)
    public PeriodTotal periodTotal(YearMonth period, TenantScope scope) {
        BigDecimal usage = BigDecimal.ZERO;
        BigDecimal adjusted = BigDecimal.ZERO;
        long unpriced = 0;
        for (PeriodTotal tenant : adjustments.totalsByTenant(period, scope).values()) {
            usage = usage.add(tenant.usage());
            adjusted = adjusted.add(tenant.adjustments());
            unpriced += tenant.unpricedRequests();
        }
        return new PeriodTotal(period, usage, adjusted, unpriced);
    }

    /** {@link #periodTotal} per tenant, for the tenants with usage or adjustments in the period. */
    @Transactional(readOnly = true)
    public Map<String, PeriodTotal> periodTotalsByTenant(YearMonth period, TenantScope scope) {
        return adjustments.totalsByTenant(period, scope);
    }

    /** The periods that have usage or adjustments, newest first. */
    @Transactional(readOnly = true)
    public List<YearMonth> periodsWithEntries() {
        return adjustments.periodsWithEntries();
    }

    private static Field<?> column(LedgerDimension dimension) {
        return switch (dimension) {
            case TENANT -> USAGE_DAILY.TENANT_KEY;
            case DEPLOYMENT -> USAGE_DAILY.DEPLOYMENT;
            case MODEL -> USAGE_DAILY.MODEL;
            case DAY -> USAGE_DAILY.USAGE_DAY;
        };
    }

    private static LedgerRow toRow(Record record, List<LedgerDimension> groupBy) {
        String model = groupBy.contains(LedgerDimension.MODEL) ? record.get(USAGE_DAILY.MODEL) : null;
        return new LedgerRow(
                groupBy.contains(LedgerDimension.TENANT) ? record.get(USAGE_DAILY.TENANT_KEY) : null,
                groupBy.contains(LedgerDimension.DEPLOYMENT) ? record.get(USAGE_DAILY.DEPLOYMENT) : null,
                model == null || model.isEmpty() ? null : model,
                groupBy.contains(LedgerDimension.DAY) ? record.get(USAGE_DAILY.USAGE_DAY) : null,
                count(record.get(REQUESTS)),
                count(record.get(PROMPT)),
                count(record.get(CACHED)),
                count(record.get(COMPLETION)),
                count(record.get(REASONING)),
                record.get(COST) == null ? BigDecimal.ZERO : record.get(COST),
                count(record.get(UNPRICED)));
    }

    private static long count(BigDecimal sum) {
        return sum == null ? 0 : sum.longValueExact();
    }

    /** First and last day of the month containing {@code day}, clipped to {@code day}: month to date. */
    public static LedgerQuery monthToDate(LocalDate day, List<LedgerDimension> groupBy) {
        return new LedgerQuery(day.withDayOfMonth(1), day, groupBy, java.util.Optional.empty());
    }
}
