with combos as (select * from unnest(cast(? as varchar[])::text[], cast(? as varchar[])::text[], cast(? as date[])::date[]) as c(deployment, model, day))
insert into usage_daily (usage_day, tenant_key, deployment, model, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost, unpriced_requests)
select e.usage_day, e.tenant_key, e.deployment, e.model,
    sum(e.requests),
    sum(e.prompt_tokens),
    sum(e.cached_prompt_tokens),
    sum(e.completion_tokens),
    sum(e.reasoning_tokens),
    coalesce(sum(e.cost), 0),
    coalesce(sum(e.requests) filter (where e.cost is null), 0)
from usage_event e
join combos c on e.deployment = c.deployment and e.model = c.model and e.usage_day = c.day
group by e.usage_day, e.tenant_key, e.deployment, e.model
order by e.usage_day, e.tenant_key, e.deployment, e.model
