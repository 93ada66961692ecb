-- Before a rebuild (reprice-rebuild-rollups.sql): removes the daily rollup rows of the combinations. The triggers of
-- usage_daily take the same sums off the narrow rollups (V11).
--
-- Placeholders: none.
-- Binds:
--   ?, ?, ?  the combinations' deployments (text[]), models (text[]) and days (date[]), by position
with combos as (select * from unnest(?::text[], ?::text[], ?::date[]) as c(deployment, model, day))
delete from usage_daily d
using combos c
where d.deployment = c.deployment and d.model = c.model and d.usage_day = c.day
