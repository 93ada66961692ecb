package io.tokenledger.ingest;

import io.tokenledger.pricing.CostExpression;
import io.tokenledger.pricing.RateCardPublished;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prices stored usage with a newly published rate-card version: every event of the deployment in the version's
 * validity interval, whether it was unpriced or priced by the version it supersedes, then rebuilds the daily
 * rollups of that interval from the events. Set-based, in the publishing transaction, which holds the
 * deployment's exclusive price lock so that no batch prices it meanwhile.
 */
@Component
class UsageRepricer {

    private static final Logger log = LoggerFactory.getLogger(UsageRepricer.class);

    private static final String REPRICE_EVENTS = "update usage_event e set rate_card_id = rate_card.rate_card_id,"
            + " cost = {0} from rate_card where rate_card.rate_card_id = {1} and e.deployment = {2}"
            + " and e.usage_day >= {3} and e.usage_day < {4}";

    private static final String DELETE_ROLLUPS =
            "delete from usage_daily where deployment = {0} and usage_day >= {1} and usage_day < {2}";

    private static final String REBUILD_ROLLUPS = "insert into usage_daily (usage_day, tenant_key, deployment,"
            + " model, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost,"
            + " unpriced_requests)"
            + " select usage_day, tenant_key, deployment, model, sum(requests), sum(prompt_tokens),"
            + " sum(cached_prompt_tokens), sum(completion_tokens), sum(reasoning_tokens), coalesce(sum(cost), 0),"
            + " coalesce(sum(requests) filter (where cost is null), 0)"
            + " from usage_event where deployment = {0} and usage_day >= {1} and usage_day < {2}"
            + " group by usage_day, tenant_key, deployment, model";

    private final DSLContext dsl;

    UsageRepricer(DSLContext dsl) {
        this.dsl = dsl;
    }

    @EventListener
    void reprice(RateCardPublished published) {
        var card = published.card();
        var from = DSL.val(card.effectiveFrom());
        var until = DSL.val(published.until().orElse(LocalDate.of(9999, 12, 31)));
        var deployment = DSL.val(card.deployment());
        int events = dsl.execute(
                REPRICE_EVENTS,
                CostExpression.of(
                        DSL.field("e.prompt_tokens", Long.class),
                        DSL.field("e.cached_prompt_tokens", Long.class),
                        DSL.field("e.completion_tokens", Long.class),
                        DSL.field("e.reasoning_tokens", Long.class)),
                DSL.val(card.id()),
                deployment,
                from,
                until);
        if (events == 0) {
            return;
        }
        dsl.execute(DELETE_ROLLUPS, deployment, from, until);
        dsl.execute(REBUILD_ROLLUPS, deployment, from, until);
        log.info(
                "Re-priced {} stored events of deployment {} from {} with rate card {}",
                events,
                card.deployment(),
                card.effectiveFrom(),
                card.id());
    }
}
