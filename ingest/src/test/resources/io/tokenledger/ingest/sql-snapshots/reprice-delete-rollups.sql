with combos as (select * from unnest(cast(? as varchar[])::text[], cast(? as varchar[])::text[], cast(? as date[])::date[]) as c(deployment, model, day))
delete from usage_daily d
using combos c
where d.deployment = c.deployment and d.model = c.model and d.usage_day = c.day
