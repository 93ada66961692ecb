package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.DEAD_LETTER;
import static io.tokenledger.db.jooq.Tables.USAGE_DAILY;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;

import io.tokenledger.db.jooq.tables.records.DeadLetterRecord;
import io.tokenledger.db.jooq.tables.records.UsageDailyRecord;
import io.tokenledger.db.jooq.tables.records.UsageEventRecord;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Reads what the pipeline wrote, straight from the tables, for assertions. */
final class Ledger {

    private final DSLContext dsl;

    Ledger(DSLContext dsl) {
        this.dsl = dsl;
    }

    UsageEventRecord event(String id) {
        return dsl.selectFrom(USAGE_EVENT).where(USAGE_EVENT.EVENT_ID.eq(id)).fetchSingle();
    }

    int eventCount() {
        return dsl.fetchCount(USAGE_EVENT);
    }

    UsageDailyRecord daily(LocalDate day, String tenant, String deployment, String model) {
        return dsl.selectFrom(USAGE_DAILY)
                .where(USAGE_DAILY.USAGE_DAY.eq(day))
                .and(USAGE_DAILY.TENANT_KEY.eq(tenant))
                .and(USAGE_DAILY.DEPLOYMENT.eq(deployment))
                .and(USAGE_DAILY.MODEL.eq(model))
                .fetchSingle();
    }

    List<UsageDailyRecord> dailyRows() {
        return dsl.selectFrom(USAGE_DAILY)
                .orderBy(USAGE_DAILY.USAGE_DAY, USAGE_DAILY.TENANT_KEY, USAGE_DAILY.DEPLOYMENT, USAGE_DAILY.MODEL)
                .fetch();
    }

    /** Every {@code usage_daily} row, in key order. */
    List<RollupLine> rollup() {
        return dsl.select(
                        USAGE_DAILY.USAGE_DAY,
                        USAGE_DAILY.TENANT_KEY,
                        USAGE_DAILY.DEPLOYMENT,
                        USAGE_DAILY.MODEL,
                        USAGE_DAILY.REQUESTS,
                        USAGE_DAILY.PROMPT_TOKENS,
                        USAGE_DAILY.CACHED_PROMPT_TOKENS,
                        USAGE_DAILY.COMPLETION_TOKENS,
                        USAGE_DAILY.REASONING_TOKENS,
                        USAGE_DAILY.COST,
                        USAGE_DAILY.UNPRICED_REQUESTS)
                .from(USAGE_DAILY)
                .orderBy(USAGE_DAILY.USAGE_DAY, USAGE_DAILY.TENANT_KEY, USAGE_DAILY.DEPLOYMENT, USAGE_DAILY.MODEL)
                .fetch(Ledger::toLine);
    }

    /** What {@code usage_daily} must hold: the events themselves, grouped by the rollup's key. */
    List<RollupLine> rollupFromEvents() {
        return dsl.select(
                        USAGE_EVENT.USAGE_DAY,
                        USAGE_EVENT.TENANT_KEY,
                        USAGE_EVENT.DEPLOYMENT,
                        USAGE_EVENT.MODEL,
                        DSL.sum(USAGE_EVENT.REQUESTS),
                        DSL.sum(USAGE_EVENT.PROMPT_TOKENS),
                        DSL.sum(USAGE_EVENT.CACHED_PROMPT_TOKENS),
                        DSL.sum(USAGE_EVENT.COMPLETION_TOKENS),
                        DSL.sum(USAGE_EVENT.REASONING_TOKENS),
                        DSL.coalesce(DSL.sum(USAGE_EVENT.COST), BigDecimal.ZERO),
                        DSL.coalesce(
                                DSL.sum(USAGE_EVENT.REQUESTS).filterWhere(USAGE_EVENT.COST.isNull()), BigDecimal.ZERO))
                .from(USAGE_EVENT)
                .groupBy(USAGE_EVENT.USAGE_DAY, USAGE_EVENT.TENANT_KEY, USAGE_EVENT.DEPLOYMENT, USAGE_EVENT.MODEL)
                .orderBy(USAGE_EVENT.USAGE_DAY, USAGE_EVENT.TENANT_KEY, USAGE_EVENT.DEPLOYMENT, USAGE_EVENT.MODEL)
                .fetch(Ledger::toLine);
    }

    private static RollupLine toLine(org.jooq.Record row) {
        return new RollupLine(
                row.get(0, LocalDate.class),
                row.get(1, String.class),
                row.get(2, String.class),
                row.get(3, String.class),
                row.get(4, Long.class),
                row.get(5, Long.class),
                row.get(6, Long.class),
                row.get(7, Long.class),
                row.get(8, Long.class),
                row.get(9, BigDecimal.class).stripTrailingZeros(),
                row.get(10, Long.class));
    }

    /** One rollup row; the cost without trailing zeros so that equal amounts compare equal. */
    record RollupLine(
            LocalDate day,
            String tenant,
            String deployment,
            String model,
            long requests,
            long prompt,
            long cachedPrompt,
            long completion,
            long reasoning,
            BigDecimal cost,
            long unpricedRequests) {}

    BigDecimal totalDailyCost() {
        return dsl.select(DSL.coalesce(DSL.sum(USAGE_DAILY.COST), BigDecimal.ZERO))
                .from(USAGE_DAILY)
                .fetchSingle()
                .value1();
    }

    BigDecimal totalEventCost() {
        return dsl.select(DSL.coalesce(DSL.sum(USAGE_EVENT.COST), BigDecimal.ZERO))
                .from(USAGE_EVENT)
                .fetchSingle()
                .value1();
    }

    /**
     * The narrow rollups' rows that differ from the daily rollup summed to their dimensions (missing, extra or other
     * sums), described; empty when both agree with the daily one.
     */
    List<String> narrowRollupMismatches() {
        List<String> mismatches = new java.util.ArrayList<>();
        mismatches.addAll(narrowMismatches("usage_tenant_day", "tenant_key"));
        mismatches.addAll(narrowMismatches("usage_deployment_day", "deployment, model"));
        return mismatches;
    }

    private List<String> narrowMismatches(String table, String keys) {
        String sums = "requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost,"
                + " unpriced_requests";
        return dsl.fetch(
                        "select {0} as rollup, usage_day, " + keys + ", m, d from (select usage_day, " + keys
                                + ", row(" + sums + ") as m from " + table + ") m full join (select usage_day, " + keys
                                + ", row(sum(requests)::bigint, sum(prompt_tokens)::bigint, sum(cached_prompt_tokens)::bigint,"
                                + " sum(completion_tokens)::bigint, sum(reasoning_tokens)::bigint, sum(cost),"
                                + " sum(unpriced_requests)::bigint) as d"
                                + " from usage_daily group by usage_day, " + keys + ") d using (usage_day, " + keys
                                + ")"
                                + " where m.m is distinct from d.d",
                        DSL.inline(table))
                .map(org.jooq.Record::toString);
    }

    List<DeadLetterRecord> deadLetters() {
        return dsl.selectFrom(DEAD_LETTER).orderBy(DEAD_LETTER.DEAD_LETTER_ID).fetch();
    }
}
