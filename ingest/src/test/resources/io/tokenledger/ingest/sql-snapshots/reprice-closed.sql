with combos as (select * from unnest(cast(? as varchar[])::text[], cast(? as varchar[])::text[], cast(? as date[])::date[]) as c(deployment, model, day)),
old as (
    select e.event_id, e.cost as old_cost
    from usage_event e
    join combos c on e.deployment = c.deployment and e.model = c.model and e.usage_day = c.day
),
repriced as (
    update usage_event e set rate_card_id = rate_card.rate_card_id, cost = case when "rate_card"."currency" = 'USD' then case when ("rate_card"."long_context_threshold" is not null and e.prompt_tokens > "rate_card"."long_context_threshold") then (((cast((e.prompt_tokens - e.cached_prompt_tokens) as numeric) * "rate_card"."long_prompt_per_1m") + (cast(e.cached_prompt_tokens as numeric) * "rate_card"."long_cached_prompt_per_1m") + (cast((e.completion_tokens - e.reasoning_tokens) as numeric) * "rate_card"."long_completion_per_1m") + (cast(e.reasoning_tokens as numeric) * "rate_card"."long_reasoning_per_1m")) * 0.000001) else (((cast((e.prompt_tokens - e.cached_prompt_tokens) as numeric) * "rate_card"."prompt_per_1m") + (cast(e.cached_prompt_tokens as numeric) * "rate_card"."cached_prompt_per_1m") + (cast((e.completion_tokens - e.reasoning_tokens) as numeric) * "rate_card"."completion_per_1m") + (cast(e.reasoning_tokens as numeric) * "rate_card"."reasoning_per_1m")) * 0.000001) end else (case when ("rate_card"."long_context_threshold" is not null and e.prompt_tokens > "rate_card"."long_context_threshold") then (((cast((e.prompt_tokens - e.cached_prompt_tokens) as numeric) * "rate_card"."long_prompt_per_1m") + (cast(e.cached_prompt_tokens as numeric) * "rate_card"."long_cached_prompt_per_1m") + (cast((e.completion_tokens - e.reasoning_tokens) as numeric) * "rate_card"."long_completion_per_1m") + (cast(e.reasoning_tokens as numeric) * "rate_card"."long_reasoning_per_1m")) * 0.000001) else (((cast((e.prompt_tokens - e.cached_prompt_tokens) as numeric) * "rate_card"."prompt_per_1m") + (cast(e.cached_prompt_tokens as numeric) * "rate_card"."cached_prompt_per_1m") + (cast((e.completion_tokens - e.reasoning_tokens) as numeric) * "rate_card"."completion_per_1m") + (cast(e.reasoning_tokens as numeric) * "rate_card"."reasoning_per_1m")) * 0.000001) end * (select "fx_rate"."rate" from "fx_rate" where ("fx_rate"."period" = date_trunc('month', e.usage_day)::date and "fx_rate"."currency" = "rate_card"."currency" and "fx_rate"."reporting_currency" = 'USD'))) end
    from old o, rate_card
    where rate_card.rate_card_id = ? and e.event_id = o.event_id
    returning e.usage_day, e.tenant_key, e.deployment, e.model, e.requests, o.old_cost, e.cost
),
booked as (
    insert into ledger_adjustment (booked_period, refers_to_period, cause, tenant_key, deployment, model,
        requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost, unpriced_requests, rate_card_id)
    select cast(? as date), date_trunc('month', usage_day::timestamp)::date, 'REPRICING', tenant_key, deployment,
        model, 0, 0, 0, 0, 0, sum(cost - coalesce(old_cost, 0)),
        -coalesce(sum(requests) filter (where old_cost is null), 0), ?
    from repriced
    group by 2, tenant_key, deployment, model
    having sum(cost - coalesce(old_cost, 0)) <> 0 or count(*) filter (where old_cost is null) > 0
    order by 2, tenant_key, deployment, model
)
select tenant_key, count(*) from repriced group by tenant_key
