package io.tokenledger.reporting.ledger;

import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.ResultQuery;
import org.jooq.SelectOrderByStep;
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
    private static final List<Field<?>> MEASURES = List.of(
            measure("requests", Long.class),
            measure("prompt_tokens", Long.class),
            measure("cached_prompt_tokens", Long.class),
            measure("completion_tokens", Long.class),
            measure("reasoning_tokens", Long.class),
            measure("cost", BigDecimal.class),
            measure("unpriced_requests", Long.class));
    // token and request sums as bigint: PostgreSQL's sum of bigint is numeric, which is slower to send and read
    private static final Field<BigDecimal> COST = DSL.sum(measure("cost", BigDecimal.class));
    private static final Field<Long> UNPRICED = total("unpriced_requests");
    private static final List<Field<?>> SUMS = List.of(
            total("requests"),
            total("prompt_tokens"),
            total("cached_prompt_tokens"),
            total("completion_tokens"),
            total("reasoning_tokens"),
            COST,
            UNPRICED);

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
        List<LedgerRow> rows = fetch(
                select(query, filter(query))
                        .orderBy(columns(query.groupBy()).stream()
                                .map(Field::asc)
                                .toList()),
                query.groupBy());
        BigDecimal total = rows.stream().map(LedgerRow::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Ledger(rateCards.reportingCurrency(), rows, total);
    }

    /**
     * At most {@code limit} rows of {@code query} after {@code after}, in {@link LedgerCursor#pageOrder} order (the
     * rollups' primary key order, so that a page is an index range scan, however deep). The total is the whole
     * result's, read from the narrowest rollup for the query without its groupBy (every row of every grouping sums up
     * to it): {@code usage_deployment_day} for every tenant, whose month is a few hundred rows.
     */
    @Transactional(readOnly = true)
    public LedgerPage page(LedgerQuery query, Optional<LedgerCursor> after, int limit) {
        if (limit < 1 || limit > LedgerPage.MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + LedgerPage.MAX_LIMIT + ", was " + limit);
        }
        List<LedgerDimension> order = LedgerCursor.pageOrder(query.groupBy());
        List<Field<?>> orderColumns = columns(order);
        Condition condition = filter(query);
        if (after.isPresent()) {
            if (!after.get().dimensions().equals(order)) {
                throw new IllegalArgumentException("after: the cursor belongs to another groupBy");
            }
            if (order.isEmpty()) {
                // ungrouped, the ledger is one row, which the first page held
                condition = DSL.falseCondition();
            } else {
                condition = condition.and(DSL.row(orderColumns).gt(DSL.row(keyValues(after.get()))));
            }
        }
        List<LedgerRow> rows = fetch(
                select(query, condition)
                        .orderBy(orderColumns.stream().map(Field::asc).toList())
                        .limit(limit + 1),
                query.groupBy());
        Optional<LedgerCursor> next =
                rows.size() > limit ? Optional.of(cursorAfter(rows.get(limit - 1), order)) : Optional.empty();
        Record2<BigDecimal, Long> totals = dsl.select(COST, UNPRICED)
                .from(NarrowRollups.tableFor(
                        new LedgerQuery(query.from(), query.to(), List.of(), query.tenant(), query.scope())))
                .where(filter(query))
                .fetchSingle();
        return new LedgerPage(
                rateCards.reportingCurrency(),
                rows.subList(0, Math.min(limit, rows.size())),
                totals.value1() == null ? BigDecimal.ZERO : totals.value1(),
                count(totals.value2()),
                next);
    }

    /**
     * The rows of {@code query} that meet {@code condition}, grouped by its keys in primary key order; where the
     * rollup holds exactly one row per group (its key is the groupBy), its rows are read as they are.
     */
    private SelectOrderByStep<Record> select(LedgerQuery query, Condition condition) {
        Table<?> source = NarrowRollups.tableFor(query);
        List<Field<?>> select = new ArrayList<>(columns(query.groupBy()));
        if (NarrowRollups.oneRowPerGroup(query)) {
            select.addAll(MEASURES);
            return dsl.select(select).from(source).where(condition);
        }
        select.addAll(SUMS);
        return dsl.select(select)
                .from(source)
                .where(condition)
                .groupBy(columns(LedgerCursor.pageOrder(query.groupBy())));
    }

    private static Condition filter(LedgerQuery query) {
        Condition condition = USAGE_DAY.between(query.from(), query.to());
        if (query.tenant().isPresent()) {
            condition = condition.and(TENANT_KEY.eq(query.tenant().get()));
        }
        return condition.and(query.scope().on(TENANT_KEY));
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

    private static List<Field<?>> columns(List<LedgerDimension> dimensions) {
        return dimensions.stream().<Field<?>>map(Ledgers::column).toList();
    }

    private static List<Field<?>> keyValues(LedgerCursor cursor) {
        List<Field<?>> values = new ArrayList<>();
        for (int i = 0; i < cursor.keys().size(); i++) {
            String key = cursor.keys().get(i);
            values.add(
                    cursor.dimensions().get(i) == LedgerDimension.DAY ? DSL.val(LocalDate.parse(key)) : DSL.val(key));
        }
        return values;
    }

    /** The keys of {@code row} as stored (a model not reported is stored as the empty string). */
    private static LedgerCursor cursorAfter(LedgerRow row, List<LedgerDimension> order) {
        List<String> keys = order.stream()
                .map(dimension -> switch (dimension) {
                    case TENANT -> row.tenant();
                    case DEPLOYMENT -> row.deployment();
                    case MODEL -> row.model() == null ? "" : row.model();
                    case DAY -> row.day().toString();
                })
                .toList();
        return new LedgerCursor(order, keys);
    }

    private static Field<?> column(LedgerDimension dimension) {
        return switch (dimension) {
            case TENANT -> TENANT_KEY;
            case DEPLOYMENT -> DEPLOYMENT;
            case MODEL -> MODEL;
            case DAY -> USAGE_DAY;
        };
    }

    /**
     * Runs the statement jOOQ built and reads its rows straight from the {@link ResultSet}, by position (the keys in
     * {@code groupBy} order, then the measures): a month can be 350,000 rows, and a jOOQ {@code Record} per row
     * with its conversions cost about as much again as reading the rows (issue 9).
     */
    private List<LedgerRow> fetch(ResultQuery<?> query, List<LedgerDimension> groupBy) {
        String sql = query.getSQL();
        List<Object> binds = query.getBindValues();
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < binds.size(); i++) {
                    statement.setObject(i + 1, binds.get(i));
                }
                try (ResultSet result = statement.executeQuery()) {
                    List<LedgerRow> rows = new ArrayList<>();
                    while (result.next()) {
                        rows.add(toRow(result, groupBy));
                    }
                    return rows;
                }
            }
        });
    }

    private static LedgerRow toRow(ResultSet result, List<LedgerDimension> groupBy) throws SQLException {
        String tenant = null;
        String deployment = null;
        String model = null;
        LocalDate day = null;
        for (int i = 0; i < groupBy.size(); i++) {
            switch (groupBy.get(i)) {
                case TENANT -> tenant = result.getString(i + 1);
                case DEPLOYMENT -> deployment = result.getString(i + 1);
                case MODEL -> model = result.getString(i + 1);
                case DAY -> day = result.getObject(i + 1, LocalDate.class);
            }
        }
        // getLong answers 0 for the null sum of no rows (a ledger without groupBy over an empty range)
        int measures = groupBy.size() + 1;
        BigDecimal cost = result.getBigDecimal(measures + 5);
        return new LedgerRow(
                tenant,
                deployment,
                model == null || model.isEmpty() ? null : model,
                day,
                result.getLong(measures),
                result.getLong(measures + 1),
                result.getLong(measures + 2),
                result.getLong(measures + 3),
                result.getLong(measures + 4),
                cost == null ? BigDecimal.ZERO : cost,
                result.getLong(measures + 6));
    }

    private static long count(Object sum) {
        return sum == null ? 0 : (Long) sum;
    }

    private static Field<Long> total(String column) {
        return DSL.sum(measure(column, Long.class)).cast(Long.class);
    }

    private static <T> Field<T> measure(String column, Class<T> type) {
        return DSL.field(DSL.name(column), type);
    }

    /**
     * First and last day of the month containing {@code day}, clipped to {@code day}: month to date, every tenant
     * within {@code scope}.
     */
    public static LedgerQuery monthToDate(LocalDate day, List<LedgerDimension> groupBy, TenantScope scope) {
        return new LedgerQuery(day.withDayOfMonth(1), day, groupBy, Optional.empty(), scope);
    }
}
