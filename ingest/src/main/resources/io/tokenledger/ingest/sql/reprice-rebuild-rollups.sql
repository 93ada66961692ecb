-- Rebuilds the daily rollup rows of the combinations from their events. The triggers of usage_daily add the same sums to
-- the narrow rollups (V11).
--
-- Placeholders:
--   {{rollup_sums}}            the rollup sum columns (RollupSums.columns)
--   {{rollup_sums_of_events}}  the rollup sums of a group of the events e (RollupSums.ofEvents)
-- Binds:
--   ?, ?, ?  the combinations' deployments (text[]), models (text[]) and days (date[]), by position
with combos as (select * from unnest(?::text[], ?::text[], ?::date[]) as c(deployment, model, day))
insert into usage_daily (usage_day, tenant_key, deployment, model, {{rollup_sums}})
select e.usage_day, e.tenant_key, e.deployment, e.model,
    {{rollup_sums_of_events}}
from usage_event e
join combos c on e.deployment = c.deployment and e.model = c.model and e.usage_day = c.day
group by e.usage_day, e.tenant_key, e.deployment, e.model
order by e.usage_day, e.tenant_key, e.deployment, e.model
