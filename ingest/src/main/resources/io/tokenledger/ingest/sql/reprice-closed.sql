-- A rate card version was published: prices the events of closed periods it now prices with it (they stay the truth of
-- what each request cost) but leaves their frozen rollups alone: the exact difference is booked as a REPRICING
-- adjustment in the open period, per closed period, tenant, deployment and model, together with the requests that were
-- unpriced before (as fewer unpriced requests). Answers (tenant, events).
--
-- Reads tables of other modules: rate_card and fx_rate (pricing: the card, and {{cost}}).
--
-- Placeholders:
--   {{cost}}         the cost of the event e priced by the rate_card row, in the reporting currency (CostExpression)
--   {{rollup_sums}}  the rollup sum columns (RollupSums.columns): an adjustment carries them all; a re-pricing changes
--                    only cost and unpriced_requests
-- Binds:
--   ?, ?, ?  the combinations' deployments (text[]), models (text[]) and days (date[]), by position
--   ?        the rate card's id
--   ?        the first day of the open period, which the difference is booked in
--   ?        the rate card's id again, which the adjustment names
with combos as (select * from unnest(?::text[], ?::text[], ?::date[]) as c(deployment, model, day)),
-- reads the events as they were before this statement, so that old and new cost meet in "repriced"
old as (
    select e.event_id, e.cost as old_cost
    from usage_event e
    join combos c on e.deployment = c.deployment and e.model = c.model and e.usage_day = c.day
),
repriced as (
    update usage_event e set rate_card_id = rate_card.rate_card_id, cost = {{cost}}
    from old o, rate_card
    where rate_card.rate_card_id = ? and e.event_id = o.event_id
    returning e.usage_day, e.tenant_key, e.deployment, e.model, e.requests, o.old_cost, e.cost
),
booked as (
    insert into ledger_adjustment (booked_period, refers_to_period, cause, tenant_key, deployment, model,
        {{rollup_sums}}, rate_card_id)
    select cast(? as date), date_trunc('month', usage_day::timestamp)::date, 'REPRICING', tenant_key, deployment,
        model, 0, 0, 0, 0, 0, sum(cost - coalesce(old_cost, 0)),
        -coalesce(sum(requests) filter (where old_cost is null), 0), ?
    from repriced
    group by 2, tenant_key, deployment, model
    having sum(cost - coalesce(old_cost, 0)) <> 0 or count(*) filter (where old_cost is null) > 0
    order by 2, tenant_key, deployment, model
)
select tenant_key, count(*) from repriced group by tenant_key
