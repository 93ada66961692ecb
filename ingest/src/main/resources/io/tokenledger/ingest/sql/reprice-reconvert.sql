-- A period's FX rate was entered or corrected: converts anew the period's usage priced by cards in that currency (the
-- card that priced it stays). Its rollups are rebuilt next (reprice-delete-rollups.sql, reprice-rebuild-rollups.sql).
-- Answers (tenant, events).
--
-- Reads tables of other modules: rate_card and fx_rate (pricing: the card, and {{cost}}).
--
-- Placeholders:
--   {{cost}}  the cost of the event e priced by the rate_card row, in the reporting currency (CostExpression)
-- Binds:
--   ?, ?, ?  the combinations' deployments (text[]), models (text[]) and days (date[]), by position
--   ?        the currency whose rate changed
with combos as (select * from unnest(?::text[], ?::text[], ?::date[]) as c(deployment, model, day)),
repriced as (
    update usage_event e set cost = {{cost}}
    from combos c, rate_card
    where rate_card.rate_card_id = e.rate_card_id and rate_card.currency = ?
      and e.deployment = c.deployment and e.model = c.model and e.usage_day = c.day
    returning e.tenant_key
)
select tenant_key, count(*) from repriced group by tenant_key
