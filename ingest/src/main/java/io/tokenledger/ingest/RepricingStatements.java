package io.tokenledger.ingest;

import io.tokenledger.pricing.CostExpression;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/**
 * The SQL of {@link UsageRepricer} ({@code sql/reprice-*.sql}): statements over a set of (deployment, model, day)
 * combinations, bound as three arrays. The cost formula is filled in once, when the repricer is made.
 */
final class RepricingStatements {

    private final DSLContext dsl;
    private final String repriceOpen;
    private final String repriceClosed;
    private final String reconvert;
    private final String deleteRollups;
    private final String rebuildRollups;

    RepricingStatements(DSLContext dsl, String reportingCurrency) {
        this.dsl = dsl;
        String cost = dsl.render(cost(reportingCurrency));
        this.repriceOpen = SqlTemplate.load("reprice-open").with("cost", cost).sql();
        this.repriceClosed = SqlTemplate.load("reprice-closed")
                .with("cost", cost)
                .with("rollup_sums", RollupSums.columns())
                .sql();
        this.reconvert =
                SqlTemplate.load("reprice-reconvert").with("cost", cost).sql();
        this.deleteRollups = SqlTemplate.load("reprice-delete-rollups").sql();
        this.rebuildRollups = SqlTemplate.load("reprice-rebuild-rollups")
                .with("rollup_sums", RollupSums.columns())
                .with("rollup_sums_of_events", RollupSums.ofEvents("e."))
                .sql();
    }

    /** Re-prices the events of open periods with the card; answers (tenant, events). */
    ResultQuery<Record> repriceOpen(List<UsageRepricer.Combo> combos, long rateCardId) {
        return dsl.resultQuery(repriceOpen, binds(combos, rateCardId));
    }

    /**
     * Re-prices the events of closed periods with the card and books the difference in {@code openPeriod}; answers
     * (tenant, events).
     */
    ResultQuery<Record> repriceClosed(List<UsageRepricer.Combo> combos, long rateCardId, YearMonth openPeriod) {
        return dsl.resultQuery(repriceClosed, binds(combos, rateCardId, openPeriod.atDay(1), rateCardId));
    }

    /** Converts anew the usage priced by cards in {@code currency}; answers (tenant, events). */
    ResultQuery<Record> reconvert(List<UsageRepricer.Combo> combos, String currency) {
        return dsl.resultQuery(reconvert, binds(combos, currency));
    }

    Query deleteRollups(List<UsageRepricer.Combo> combos) {
        return dsl.query(deleteRollups, binds(combos));
    }

    Query rebuildRollups(List<UsageRepricer.Combo> combos) {
        return dsl.query(rebuildRollups, binds(combos));
    }

    /** The combinations as three arrays (deployments, models, days), then {@code more}. */
    private static Object[] binds(List<UsageRepricer.Combo> combos, Object... more) {
        Object[] binds = new Object[3 + more.length];
        binds[0] = combos.stream().map(UsageRepricer.Combo::deployment).toArray(String[]::new);
        binds[1] = combos.stream().map(UsageRepricer.Combo::model).toArray(String[]::new);
        binds[2] = combos.stream().map(UsageRepricer.Combo::day).toArray(LocalDate[]::new);
        System.arraycopy(more, 0, binds, 3, more.length);
        return binds;
    }

    private static Field<BigDecimal> cost(String reportingCurrency) {
        return CostExpression.inReportingCurrency(
                reportingCurrency,
                DSL.field("e.usage_day", LocalDate.class),
                DSL.field("e.prompt_tokens", Long.class),
                DSL.field("e.cached_prompt_tokens", Long.class),
                DSL.field("e.completion_tokens", Long.class),
                DSL.field("e.reasoning_tokens", Long.class));
    }
}
