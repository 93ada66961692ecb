package io.tokenledger.ingest;

import io.tokenledger.pricing.CostExpression;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The SQL of {@link UsageEventWriter}, exactly as it sends it. The statements are {@code sql/write-*.sql}; the cost
 * formula, the mapping rules and the rollup sums are filled into them once, when the writer is made, so that no batch
 * renders SQL. Each file describes at its top what the statement does, what it reads, its placeholders and its binds.
 *
 * @param insertNewAndRollUp the insert that fails on a known id ({@link KnownIds#FAIL})
 * @param insertAndRollUp the insert that skips known ids ({@link KnownIds#SKIP})
 */
record UsageWriteStatements(
        String stagingExists,
        String createStaging,
        String copy,
        String resolveTenants,
        String insertNewAndRollUp,
        String insertAndRollUp) {

    /**
     * The staged columns, in the order {@link UsageEventWriter} writes them to COPY; {@code tenant} is the explicit
     * tenant field as the event carried it.
     */
    static final List<String> STAGED_COLUMNS = List.of(
            "event_id",
            "event_time",
            "usage_day",
            "tenant",
            "source",
            "subscription_id",
            "subscription_name",
            "product_id",
            "api_id",
            "operation_id",
            "user_id",
            "app_id",
            "deployment",
            "model",
            "region",
            "backend_id",
            "prompt_tokens",
            "cached_prompt_tokens",
            "completion_tokens",
            "reasoning_tokens",
            "requests",
            "streaming",
            "estimated",
            "status_code",
            "attributes",
            "rate_card_id");

    /**
     * What the insert does with an id already stored. {@link #FAIL}: nothing more than the unique key's own check, the
     * cheapest way to insert a batch of new events (no second probe of the key per event), in the order they were
     * staged (the order they were delivered, which a replay repeats); a known id fails the statement, and so does a
     * deadlock with a concurrent batch that holds some of the same new ids in another order. {@link #SKIP}: speculative
     * insertion skips known ids, waiting for a concurrent transaction that inserts the same id, in id order, so that
     * concurrent batches skipping the same ids lock them in the same order.
     */
    enum KnownIds {
        FAIL(""),
        SKIP("order by s.event_id\non conflict on constraint usage_event_pk do nothing");

        private final String sql;

        KnownIds(String sql) {
            this.sql = sql;
        }
    }

    /** The statements with the cost formula in {@code reportingCurrency} and the mapping rules of {@code tenants}. */
    static UsageWriteStatements render(DSLContext dsl, TenantResolver tenants, String reportingCurrency) {
        String staged = String.join(", ", STAGED_COLUMNS);
        SqlTemplate insert = SqlTemplate.load("write-insert-and-roll-up")
                .with("staged_columns", staged)
                .with(
                        "staged_columns_of_s",
                        STAGED_COLUMNS.stream().map(column -> "s." + column).collect(Collectors.joining(", ")))
                .with("tenant", tenants.fallback("s.tenant_key", "s"))
                .with("cost", dsl.render(stagedCost(reportingCurrency)))
                .with("event_sums", RollupSums.eventColumns(""))
                .with("rollup_sums", RollupSums.columns())
                .with("rollup_sums_of_events", RollupSums.ofEventsNamed(""))
                .with("summed_rollup_sums", RollupSums.summed())
                .with("rollup_sums_added_to_d", RollupSums.addedTo("d"))
                .with("rollup_sums_added_to_a", RollupSums.addedTo("a"))
                .with("rollup_sums_added_to_m", RollupSums.addedTo("m"));
        return new UsageWriteStatements(
                SqlTemplate.load("write-staging-exists").sql(),
                SqlTemplate.load("write-staging-create").sql(),
                SqlTemplate.load("write-staging-copy")
                        .with("staged_columns", staged)
                        .sql(),
                SqlTemplate.load("write-resolve-tenants")
                        .with("rule_ctes", tenants.ruleCtes("usage_staging"))
                        .with("tenant", tenants.fallback("rt.tenant_key", "s"))
                        .sql(),
                insert.with("known_ids", KnownIds.FAIL.sql).sql(),
                insert.with("known_ids", KnownIds.SKIP.sql).sql());
    }

    /** In the reporting currency: a card in another currency is converted with the FX rate of the event's month. */
    private static Field<BigDecimal> stagedCost(String reportingCurrency) {
        return CostExpression.inReportingCurrency(
                reportingCurrency,
                DSL.field("s.usage_day", LocalDate.class),
                DSL.field("s.prompt_tokens", Long.class),
                DSL.field("s.cached_prompt_tokens", Long.class),
                DSL.field("s.completion_tokens", Long.class),
                DSL.field("s.reasoning_tokens", Long.class));
    }
}
