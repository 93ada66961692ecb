-- A rate card version was published: prices the events of open periods it now prices with it (UsageRepricer decides
-- which (deployment, model, day) combinations that is). Their rollups are rebuilt next (reprice-delete-rollups.sql,
-- reprice-rebuild-rollups.sql). Answers (tenant, events).
--
-- Reads tables of other modules: rate_card and fx_rate (pricing: the card, and {{cost}}).
--
-- Placeholders:
--   {{cost}}  the cost of the event e priced by the rate_card row, in the reporting currency (pricing's CostExpression)
-- Binds:
--   ?, ?, ?  the combinations' deployments (text[]), models (text[]) and days (date[]), by position
--   ?        the rate card's id
with combos as (select * from unnest(?::text[], ?::text[], ?::date[]) as c(deployment, model, day)),
repriced as (
    update usage_event e set rate_card_id = rate_card.rate_card_id, cost = {{cost}}
    from combos c, rate_card
    where rate_card.rate_card_id = ?
      and e.deployment = c.deployment and e.model = c.model and e.usage_day = c.day
    returning e.tenant_key
)
select tenant_key, count(*) from repriced group by tenant_key
