package io.tokenledger.ingest;

import io.tokenledger.pricing.CostExpression;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;

/** The SQL of {@link UsageRepricer}: the statements it runs over a set of (deployment, model, day) combinations. */
final class RepricingStatements {

    private static final String COMBOS =
            "with combos as (select * from unnest({0}::text[], {1}::text[], {2}::date[]) as c(deployment, model, day))";

    private static final String ON_COMBO = "e.deployment = c.deployment and e.model = c.model and e.usage_day = c.day";

    private static final String REPRICE_OPEN = COMBOS + ", repriced as ("
            + " update usage_event e set rate_card_id = rate_card.rate_card_id, cost = {3}"
            + " from combos c, rate_card where rate_card.rate_card_id = {4} and " + ON_COMBO
            + " returning e.tenant_key)"
            + " select tenant_key, count(*) from repriced group by tenant_key";

    private static final String DELETE_ROLLUPS = COMBOS + " delete from usage_daily d using combos c"
            + " where d.deployment = c.deployment and d.model = c.model and d.usage_day = c.day";

    private static final String REBUILD_ROLLUPS = COMBOS + " insert into usage_daily (usage_day, tenant_key,"
            + " deployment, model, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens,"
            + " cost, unpriced_requests)"
            + " select e.usage_day, e.tenant_key, e.deployment, e.model, sum(e.requests), sum(e.prompt_tokens),"
            + " sum(e.cached_prompt_tokens), sum(e.completion_tokens), sum(e.reasoning_tokens),"
            + " coalesce(sum(e.cost), 0), coalesce(sum(e.requests) filter (where e.cost is null), 0)"
            + " from usage_event e join combos c on " + ON_COMBO
            + " group by e.usage_day, e.tenant_key, e.deployment, e.model"
            + " order by e.usage_day, e.tenant_key, e.deployment, e.model";

    // the CTE "old" reads the events as they were before this statement, so old and new cost meet in "repriced"
    private static final String REPRICE_CLOSED = COMBOS + ", old as ("
            + " select e.event_id, e.cost as old_cost from usage_event e join combos c on " + ON_COMBO
            + "), repriced as ("
            + " update usage_event e set rate_card_id = rate_card.rate_card_id, cost = {3}"
            + " from old o, rate_card where rate_card.rate_card_id = {4} and e.event_id = o.event_id"
            + " returning e.usage_day, e.tenant_key, e.deployment, e.model, e.requests, o.old_cost, e.cost"
            + "), booked as ("
            + " insert into ledger_adjustment (booked_period, refers_to_period, cause, tenant_key, deployment, model,"
            + " requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost,"
            + " unpriced_requests, rate_card_id)"
            + " select {5}, date_trunc('month', usage_day::timestamp)::date, 'REPRICING', tenant_key, deployment,"
            + " model, 0, 0, 0, 0, 0, sum(cost - coalesce(old_cost, 0)),"
            + " -coalesce(sum(requests) filter (where old_cost is null), 0), {4}"
            + " from repriced group by 2, tenant_key, deployment, model"
            + " having sum(cost - coalesce(old_cost, 0)) <> 0 or count(*) filter (where old_cost is null) > 0"
            + " order by 2, tenant_key, deployment, model"
            + ") select tenant_key, count(*) from repriced group by tenant_key";

    // the period's usage priced by a card in the rate's currency, converted anew (the card that priced it stays)
    private static final String RECONVERT = COMBOS + ", repriced as ("
            + " update usage_event e set cost = {3} from combos c, rate_card"
            + " where rate_card.rate_card_id = e.rate_card_id and rate_card.currency = {4} and " + ON_COMBO
            + " returning e.tenant_key)"
            + " select tenant_key, count(*) from repriced group by tenant_key";

    private final DSLContext dsl;
    private final String reportingCurrency;

    RepricingStatements(DSLContext dsl, String reportingCurrency) {
        this.dsl = dsl;
        this.reportingCurrency = reportingCurrency;
    }

    /** Re-prices the events of open periods with the card; answers (tenant, events). */
    ResultQuery<Record> repriceOpen(List<UsageRepricer.Combo> combos, long rateCardId) {
        return dsl.resultQuery(REPRICE_OPEN, arguments(combos, cost(), DSL.val(rateCardId)));
    }

    /**
     * Re-prices the events of closed periods with the card and books the difference in {@code openPeriod}; answers
     * (tenant, events).
     */
    ResultQuery<Record> repriceClosed(List<UsageRepricer.Combo> combos, long rateCardId, YearMonth openPeriod) {
        return dsl.resultQuery(
                REPRICE_CLOSED, arguments(combos, cost(), DSL.val(rateCardId), DSL.val(openPeriod.atDay(1))));
    }

    /** Converts anew the usage priced by cards in {@code currency}; answers (tenant, events). */
    ResultQuery<Record> reconvert(List<UsageRepricer.Combo> combos, String currency) {
        return dsl.resultQuery(RECONVERT, arguments(combos, cost(), DSL.val(currency)));
    }

    Query deleteRollups(List<UsageRepricer.Combo> combos) {
        return dsl.query(DELETE_ROLLUPS, arrays(combos));
    }

    Query rebuildRollups(List<UsageRepricer.Combo> combos) {
        return dsl.query(REBUILD_ROLLUPS, arrays(combos));
    }

    private static Object[] arguments(List<UsageRepricer.Combo> combos, Object... more) {
        List<Object> arguments = new ArrayList<>(List.of(arrays(combos)));
        arguments.addAll(List.of(more));
        return arguments.toArray();
    }

    private static Object[] arrays(List<UsageRepricer.Combo> combos) {
        return new Object[] {
            DSL.val(combos.stream().map(UsageRepricer.Combo::deployment).toArray(String[]::new)),
            DSL.val(combos.stream().map(UsageRepricer.Combo::model).toArray(String[]::new)),
            DSL.val(combos.stream().map(UsageRepricer.Combo::day).toArray(LocalDate[]::new))
        };
    }

    private Field<BigDecimal> cost() {
        return CostExpression.inReportingCurrency(
                reportingCurrency,
                DSL.field("e.usage_day", LocalDate.class),
                DSL.field("e.prompt_tokens", Long.class),
                DSL.field("e.cached_prompt_tokens", Long.class),
                DSL.field("e.completion_tokens", Long.class),
                DSL.field("e.reasoning_tokens", Long.class));
    }
}
