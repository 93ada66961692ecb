package io.tokenledger.ingest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Charges stored usage of open billing periods again after a rule change, in two statements whatever the number of
 * events: one that resolves the tenant of every event the changed rules match (the only ones whose tenant can
 * change), moves those whose tenant changed and applies the difference to the daily rollups — the moved sums are
 * subtracted from the old tenant's rows and added to the new one's, so every total stays exactly as it was — and one
 * that removes rollup rows left empty. Events of closed periods keep their tenant.
 *
 * <p>Runs under the exclusive rules lock, so no batch writes usage meanwhile and no period closes.
 */
@Component
class TenantReattribution {

    private static final String SUMS =
            "requests, prompt_tokens, cached_prompt_tokens, completion_tokens," + " reasoning_tokens, cost";

    private static final String MOVE = "with affected as ("
            + " select e.event_id, e.tenant_key, e.tenant, e.subscription_name, e.subscription_id, e.product_id,"
            + " e.user_id, e.app_id, e.attributes from usage_event e"
            + " where ({0}) and not exists (select 1 from billing_period b"
            + " where b.period_start = date_trunc('month', e.usage_day::timestamp)::date)"
            + "), %s, candidates as ("
            + " select a.event_id, a.tenant_key as old_tenant, %s as new_tenant"
            + " from affected a left join rule_tenants rt on rt.row_key = a.event_id"
            + "), moved as ("
            + " update usage_event e set tenant_key = c.new_tenant from candidates c"
            + " where e.event_id = c.event_id and c.new_tenant <> c.old_tenant"
            + " returning e.usage_day, c.old_tenant, c.new_tenant, e.deployment, e.model, " + prefixed("e.", SUMS)
            + "), deltas as ("
            + " select usage_day, new_tenant as tenant_key, deployment, model, 1 as sign, " + SUMS + " from moved"
            + " union all"
            + " select usage_day, old_tenant, deployment, model, -1, " + SUMS + " from moved"
            + "), net as ("
            + " select usage_day, tenant_key, deployment, model, sum(sign * requests) as requests,"
            + " sum(sign * prompt_tokens) as prompt_tokens, sum(sign * cached_prompt_tokens) as cached_prompt_tokens,"
            + " sum(sign * completion_tokens) as completion_tokens, sum(sign * reasoning_tokens) as reasoning_tokens,"
            + " coalesce(sum(sign * cost), 0) as cost,"
            + " coalesce(sum(sign * requests) filter (where cost is null), 0) as unpriced_requests"
            + " from deltas group by usage_day, tenant_key, deployment, model"
            + "), created as ("
            + " insert into tenant (tenant_key) select distinct new_tenant from moved order by 1 on conflict do nothing"
            + "), applied as ("
            + " insert into usage_daily as d (usage_day, tenant_key, deployment, model, " + SUMS
            + ", unpriced_requests)"
            + " select usage_day, tenant_key, deployment, model, " + SUMS + ", unpriced_requests from net"
            + " order by usage_day, tenant_key, deployment, model"
            + " on conflict on constraint usage_daily_pk do update set"
            + " requests = d.requests + excluded.requests,"
            + " prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,"
            + " cached_prompt_tokens = d.cached_prompt_tokens + excluded.cached_prompt_tokens,"
            + " completion_tokens = d.completion_tokens + excluded.completion_tokens,"
            + " reasoning_tokens = d.reasoning_tokens + excluded.reasoning_tokens,"
            + " cost = d.cost + excluded.cost,"
            + " unpriced_requests = d.unpriced_requests + excluded.unpriced_requests"
            + ") select old_tenant, new_tenant, usage_day, count(*) from moved"
            + " group by old_tenant, new_tenant, usage_day";

    // a rollup row with nothing left in it has no events left (an App Insights correction may carry tokens but no
    // requests, so requests alone do not tell)
    private static final String REMOVE_EMPTY = "delete from usage_daily where tenant_key = any({0})"
            + " and usage_day between {1} and {2} and requests = 0 and prompt_tokens = 0 and completion_tokens = 0"
            + " and cost = 0 and unpriced_requests = 0";

    private final DSLContext dsl;
    private final String move;

    TenantReattribution(DSLContext dsl, TenantResolver resolver) {
        this.dsl = dsl;
        this.move = MOVE.formatted(resolver.ruleCtes("affected", "event_id"), resolver.fallback("rt.tenant_key", "a"));
    }

    /** What moved: events, the tenants they moved from or to, and the periods and days they lie in. */
    record Moved(long events, Set<String> tenants, Set<YearMonth> periods, Set<LocalDate> days) {}

    /** Re-resolves every open-period event that one of {@code changed} (old or new versions of rules) matches. */
    Moved reattribute(List<TenantMappingRules.ValidRule> changed) {
        Set<String> tenants = new TreeSet<>();
        Set<String> oldTenants = new TreeSet<>();
        Set<LocalDate> days = new TreeSet<>();
        long events = 0;
        for (var row : move(changed).fetch()) {
            oldTenants.add(row.get(0, String.class));
            tenants.add(row.get(0, String.class));
            tenants.add(row.get(1, String.class));
            days.add(row.get(2, LocalDate.class));
            events += row.get(3, Long.class);
        }
        if (events == 0) {
            return new Moved(0, Set.of(), Set.of(), Set.of());
        }
        TreeSet<LocalDate> sortedDays = new TreeSet<>(days);
        removeEmpty(oldTenants, sortedDays.first(), sortedDays.last()).execute();
        Set<YearMonth> periods = new TreeSet<>();
        days.forEach(day -> periods.add(YearMonth.from(day)));
        return new Moved(events, tenants, periods, days);
    }

    /**
     * The statement that moves the open-period events one of {@code changed} matches to the tenant they resolve to
     * now, answering (old tenant, new tenant, day, events) per move.
     */
    ResultQuery<Record> move(List<TenantMappingRules.ValidRule> changed) {
        Condition affected =
                DSL.or(changed.stream().map(TenantReattribution::matching).toList());
        return dsl.resultQuery(move, affected);
    }

    /** The statement that removes the daily rollup rows of {@code tenants} between two days that were left empty. */
    Query removeEmpty(Set<String> tenants, LocalDate from, LocalDate to) {
        return dsl.query(REMOVE_EMPTY, DSL.val(tenants.toArray(String[]::new)), DSL.val(from), DSL.val(to));
    }

    /** The events {@code rule} matches, over {@code usage_event e}. */
    static Condition matching(TenantMappingRules.ValidRule rule) {
        String column = RuleFields.column(rule.field());
        Field<String> value = column != null
                ? DSL.field(DSL.name("e", column), String.class)
                : DSL.field(
                        "e.attributes ->> {0}",
                        String.class, DSL.val(rule.field().substring(RuleFields.ATTRIBUTES.length())));
        Field<String> pattern = DSL.val(rule.pattern());
        return switch (rule.match()) {
            case "exact" -> value.eq(pattern);
            case "prefix" -> DSL.condition("starts_with({0}, {1})", value, pattern);
            default -> DSL.condition("{0} ~ {1}", value, pattern);
        };
    }

    private static String prefixed(String prefix, String columns) {
        return prefix + columns.replace(", ", ", " + prefix);
    }
}
