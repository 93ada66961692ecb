package io.tokenledger.ingest;

import io.tokenledger.pricing.CostExpression;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** The SQL of {@link UsageEventWriter}, kept apart so that the writer reads as the sequence of its round trips. */
final class UsageWriteStatements {

    /**
     * The writer's statements exactly as it sends them, rendered once: the insert in both its forms with the cost
     * formula in the reporting currency and {@code ?} for the open period's first day, so that jOOQ need not render
     * the formula's expression tree again for every batch.
     */
    record Rendered(
            String stagingExists,
            String createStaging,
            String copy,
            String resolveTenants,
            String insertNewAndRollUp,
            String insertAndRollUp) {}

    static Rendered render(DSLContext dsl, TenantResolver tenants, String reportingCurrency) {
        String tenant = tenantOf(tenants);
        return new Rendered(
                STAGING_EXISTS,
                CREATE_STAGING,
                "copy usage_staging (" + COPY_COLUMNS + ") from stdin (format binary)",
                resolveTenants(tenants),
                rendered(dsl, insertAndRollUp(tenant, KnownIds.FAIL), reportingCurrency),
                rendered(dsl, insertAndRollUp(tenant, KnownIds.SKIP), reportingCurrency));
    }

    private static String rendered(DSLContext dsl, String template, String reportingCurrency) {
        return dsl.render(DSL.resultQuery(template, stagedCost(reportingCurrency), DSL.val(null, LocalDate.class)));
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

    /** What COPY fills; {@code tenant} is the explicit tenant field as the event carried it. */
    static final String COPY_COLUMNS = "event_id, event_time, usage_day, tenant, source, subscription_id,"
            + " subscription_name, product_id, api_id, operation_id, user_id, app_id, deployment, model, region,"
            + " backend_id, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, requests,"
            + " streaming, estimated, status_code, attributes, rate_card_id";

    static final int COPY_COLUMN_COUNT = COPY_COLUMNS.split(",").length;

    static final String STAGING_EXISTS = "select to_regclass('pg_temp.usage_staging') is not null";

    static final String CREATE_STAGING = "create temporary table usage_staging ("
            + " event_id text, event_time timestamptz, usage_day date, tenant text, source text,"
            + " subscription_id text, subscription_name text, product_id text, api_id text, operation_id text,"
            + " user_id text, app_id text, deployment text, model text, region text, backend_id text,"
            + " prompt_tokens bigint, cached_prompt_tokens bigint, completion_tokens bigint,"
            + " reasoning_tokens bigint, requests integer, streaming boolean, estimated boolean,"
            + " status_code integer, attributes jsonb, rate_card_id bigint, tenant_key text) on commit delete rows";

    private static final String TOKEN_SUMS =
            "requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens";

    private static final String ADD_EXCLUDED = " requests = %1$s.requests + excluded.requests,"
            + " prompt_tokens = %1$s.prompt_tokens + excluded.prompt_tokens,"
            + " cached_prompt_tokens = %1$s.cached_prompt_tokens + excluded.cached_prompt_tokens,"
            + " completion_tokens = %1$s.completion_tokens + excluded.completion_tokens,"
            + " reasoning_tokens = %1$s.reasoning_tokens + excluded.reasoning_tokens,"
            + " cost = %1$s.cost + excluded.cost,"
            + " unpriced_requests = %1$s.unpriced_requests + excluded.unpriced_requests";

    /**
     * Inserts the new events ({0} = the cost formula over the staged row {@code s}) charged to {@code tenant} (the
     * tenant expression over {@code s}), groups them by rollup key and adds each group to {@code usage_daily} (whose
     * triggers carry it on to the month rollups), or, when its day lies in a closed period, to that period's
     * {@code LATE_USAGE} adjustment booked in {1} (the open period's first day). Answers per tenant and day how
     * many events were new and whether they were late.
     */
    static String insertAndRollUp(String tenant, KnownIds knownIds) {
        return "with inserted as ("
                + " insert into usage_event (" + COPY_COLUMNS + ", tenant_key, cost)"
                + " select " + prefixed("s.", COPY_COLUMNS) + ", " + tenant + ","
                + " case when s.rate_card_id is null then null else {0} end"
                + " from usage_staging s left join rate_card on rate_card.rate_card_id = s.rate_card_id"
                + knownIds.orderAndConflict
                + " returning usage_day, tenant_key, deployment, model, " + TOKEN_SUMS + ", cost"
                + "), grouped as ("
                + " select usage_day, tenant_key, deployment, model, count(*) as events, sum(requests) as requests,"
                + " sum(prompt_tokens) as prompt_tokens, sum(cached_prompt_tokens) as cached_prompt_tokens,"
                + " sum(completion_tokens) as completion_tokens, sum(reasoning_tokens) as reasoning_tokens,"
                + " coalesce(sum(cost), 0) as cost,"
                + " coalesce(sum(requests) filter (where cost is null), 0) as unpriced_requests,"
                + " date_trunc('month', usage_day::timestamp)::date as period"
                + " from inserted group by usage_day, tenant_key, deployment, model"
                + "), flagged as ("
                // a join rather than an EXISTS per group: a few closed periods against ~3,000 groups per 10k batch
                + " select g.*, b.period_start is not null as late"
                + " from grouped g left join billing_period b on b.period_start = g.period"
                + "), rolled_up as ("
                + " insert into usage_daily as d (usage_day, tenant_key, deployment, model, " + TOKEN_SUMS
                + ", cost, unpriced_requests)"
                + " select usage_day, tenant_key, deployment, model, " + TOKEN_SUMS + ", cost, unpriced_requests"
                + " from flagged where not late"
                + " order by usage_day, tenant_key, deployment, model"
                + " on conflict on constraint usage_daily_pk do update set" + ADD_EXCLUDED.formatted("d")
                + " returning 1"
                + "), booked_late as ("
                + " insert into ledger_adjustment as a (booked_period, refers_to_period, cause, tenant_key, deployment,"
                + " model, " + TOKEN_SUMS + ", cost, unpriced_requests)"
                + " select {1}, period, 'LATE_USAGE', tenant_key, deployment, model, sum(requests), sum(prompt_tokens),"
                + " sum(cached_prompt_tokens), sum(completion_tokens), sum(reasoning_tokens), sum(cost),"
                + " sum(unpriced_requests)"
                + " from flagged where late"
                + " group by period, tenant_key, deployment, model"
                + " order by period, tenant_key, deployment, model"
                + " on conflict (booked_period, refers_to_period, tenant_key, deployment, model)"
                + " where cause = 'LATE_USAGE' do update set" + ADD_EXCLUDED.formatted("a") + ", updated_at = now()"
                + " returning 1"
                + "), " + narrowRollUp("by_tenant", "usage_tenant_day", "usage_day, tenant_key")
                + ", " + narrowRollUp("by_deployment", "usage_deployment_day", "usage_day, deployment, model")
                // the triggers of usage_daily leave this statement alone (V11): it wrote the narrow rollups itself
                + ", narrowed as (select set_config('tokenledger.narrow_rollups_written', statement_timestamp()::text,"
                + " true))"
                + " select tenant_key, usage_day, late, sum(events)::integer from flagged, narrowed"
                + " group by tenant_key, usage_day, late";
    }

    /** Adds the sums of the groups not late to the narrow rollup {@code table}, grouped by its {@code key}. */
    private static String narrowRollUp(String name, String table, String key) {
        return name + " as (insert into " + table + " as m (" + key + ", " + TOKEN_SUMS + ", cost, unpriced_requests)"
                + " select " + key + ", sum(requests), sum(prompt_tokens), sum(cached_prompt_tokens),"
                + " sum(completion_tokens), sum(reasoning_tokens), sum(cost), sum(unpriced_requests)"
                + " from flagged where not late group by " + key + " order by " + key
                + " on conflict (" + key + ") do update set" + ADD_EXCLUDED.formatted("m")
                + " returning 1)";
    }

    /**
     * What the insert does with an id already stored. {@link #FAIL}: nothing more than the unique key's own check,
     * the cheapest way to insert a batch of new events (no second probe of the key per event), in the order they
     * were staged (the order they were delivered, which a replay repeats); a known id fails the statement, and so
     * does a deadlock with a concurrent batch that holds some of the same new ids in another order. {@link #SKIP}:
     * speculative insertion skips known ids, waiting for a concurrent transaction that inserts the same id, in id
     * order, so that concurrent batches skipping the same ids lock them in the same order.
     */
    enum KnownIds {
        FAIL(""),
        SKIP(" order by s.event_id on conflict on constraint usage_event_pk do nothing");

        private final String orderAndConflict;

        KnownIds(String orderAndConflict) {
            this.orderAndConflict = orderAndConflict;
        }
    }

    private UsageWriteStatements() {}

    /**
     * Notes the winning mapping rule's tenant on the staged events a rule matches (the resolver's rule CTEs over the
     * staging table, keyed by event id, which is unique in a batch; most batches match none, and then no staged row
     * is rewritten) and creates the tenants not seen before, in key order. The insert then charges each event to
     * {@link #tenantOf the noted tenant or the fallback}.
     */
    static String resolveTenants(TenantResolver resolver) {
        return "with " + resolver.ruleCtes("usage_staging", "event_id")
                + ", matched as (update usage_staging s set tenant_key = rt.tenant_key from rule_tenants rt"
                + " where s.event_id = rt.row_key)"
                + " insert into tenant (tenant_key) select distinct " + resolver.fallback("rt.tenant_key", "s")
                + " from usage_staging s left join rule_tenants rt on rt.row_key = s.event_id order by 1"
                + " on conflict do nothing";
    }

    /** The tenant a staged event {@code s} is charged to, once {@link #resolveTenants} has run. */
    static String tenantOf(TenantResolver resolver) {
        return resolver.fallback("s.tenant_key", "s");
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }
}
