package io.tokenledger.reporting.ledger;

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
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The per-tenant ledger, read from the rollups that ingest maintains with every batch: the daily rollup, or one of
 * the narrow ones derived from it ({@link NarrowRollups}).
 */
@Service
public class Ledgers {

    // unqualified, so that the same query reads the daily or a month rollup (their columns share names)
    private static final Field<String> TENANT_KEY = DSL.field(DSL.name("tenant_key"), String.class);
    private static final Field<String> DEPLOYMENT = DSL.field(DSL.name("deployment"), String.class);
    private static final Field<String> MODEL = DSL.field(DSL.name("model"), String.class);
    private static final Field<LocalDate> USAGE_DAY = DSL.field(DSL.name("usage_day"), LocalDate.class);
    // token and request sums as bigint: PostgreSQL's sum of bigint is numeric, which is slower to send and read
    private static final Field<Long> REQUESTS = total("requests");
    private static final Field<Long> PROMPT = total("prompt_tokens");
    private static final Field<Long> CACHED = total("cached_prompt_tokens");
    private static final Field<Long> COMPLETION = total("completion_tokens");
    private static final Field<Long> REASONING = total("reasoning_tokens");
    private static final Field<BigDecimal> COST = DSL.sum(DSL.field(DSL.name("cost"), BigDecimal.class));
    private static final Field<Long> UNPRICED = total("unpriced_requests");

    private final DSLContext dsl;
    private final RateCards rateCards;
    private final AdjustmentRepository adjustments;

    Ledgers(DSLContext dsl, RateCards rateCards, AdjustmentRepository adjustments) {
        this.dsl = dsl;
        this.rateCards = rateCards;
        this.adjustments = adjustments;
    }

    /** Usage and cost as {@code query} asks, read from the narrowest rollup that has its dimensions. */
    @Transactional(readOnly = true)
    public Ledger query(LedgerQuery query) {
        Table<?> source = NarrowRollups.tableFor(query);
        Condition condition = USAGE_DAY.between(query.from(), query.to());
        if (query.tenant().isPresent()) {
            condition = condition.and(TENANT_KEY.eq(query.tenant().get()));
        }
        condition = condition.and(query.scope().on(TENANT_KEY));
        List<Field<?>> keys =
                query.groupBy().stream().<Field<?>>map(Ledgers::column).toList();
        List<Field<?>> select = new ArrayList<>(keys);
        select.addAll(List.of(REQUESTS, PROMPT, CACHED, COMPLETION, REASONING, COST, UNPRICED));
        List<LedgerRow> rows = dsl.select(select)
                .from(source)
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
            case TENANT -> TENANT_KEY;
            case DEPLOYMENT -> DEPLOYMENT;
            case MODEL -> MODEL;
            case DAY -> USAGE_DAY;
        };
    }

    /** Reads a row by position (the keys in {@code groupBy} order, then the sums): a month can be 350,000 rows. */
    private static LedgerRow toRow(Record record, List<LedgerDimension> groupBy) {
        String tenant = null;
        String deployment = null;
        String model = null;
        LocalDate day = null;
        for (int i = 0; i < groupBy.size(); i++) {
            switch (groupBy.get(i)) {
                case TENANT -> tenant = (String) record.get(i);
                case DEPLOYMENT -> deployment = (String) record.get(i);
                case MODEL -> model = (String) record.get(i);
                case DAY -> day = (LocalDate) record.get(i);
            }
        }
        int sums = groupBy.size();
        BigDecimal cost = (BigDecimal) record.get(sums + 5);
        return new LedgerRow(
                tenant,
                deployment,
                model == null || model.isEmpty() ? null : model,
                day,
                count(record.get(sums)),
                count(record.get(sums + 1)),
                count(record.get(sums + 2)),
                count(record.get(sums + 3)),
                count(record.get(sums + 4)),
                cost == null ? BigDecimal.ZERO : cost,
                count(record.get(sums + 6)));
    }

    private static long count(Object sum) {
        return sum == null ? 0 : (Long) sum;
    }

    private static Field<Long> total(String column) {
        return DSL.sum(DSL.field(DSL.name(column), Long.class)).cast(Long.class);
    }

    /** First and last day of the month containing {@code day}, clipped to {@code day}: month to date. */
    public static LedgerQuery monthToDate(LocalDate day, List<LedgerDimension> groupBy) {
        return new LedgerQuery(day.withDayOfMonth(1), day, groupBy, java.util.Optional.empty());
    }
}
