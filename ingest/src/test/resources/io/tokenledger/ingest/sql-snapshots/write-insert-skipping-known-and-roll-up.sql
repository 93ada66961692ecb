with inserted as (
    insert into usage_event (event_id, event_time, usage_day, tenant, source, subscription_id, subscription_name, product_id, api_id, operation_id, user_id, app_id, deployment, model, region, backend_id, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, requests, streaming, estimated, status_code, attributes, rate_card_id, tenant_key, cost)
    select s.event_id, s.event_time, s.usage_day, s.tenant, s.source, s.subscription_id, s.subscription_name, s.product_id, s.api_id, s.operation_id, s.user_id, s.app_id, s.deployment, s.model, s.region, s.backend_id, s.prompt_tokens, s.cached_prompt_tokens, s.completion_tokens, s.reasoning_tokens, s.requests, s.streaming, s.estimated, s.status_code, s.attributes, s.rate_card_id, coalesce(s.tenant_key, nullif(s.tenant, ''), nullif(s.subscription_name, ''), nullif(s.subscription_id, ''), 'unassigned'),
        case when s.rate_card_id is null then null else case when "rate_card"."currency" = 'USD' then case when ("rate_card"."long_context_threshold" is not null and s.prompt_tokens > "rate_card"."long_context_threshold") then (((cast((s.prompt_tokens - s.cached_prompt_tokens) as numeric) * "rate_card"."long_prompt_per_1m") + (cast(s.cached_prompt_tokens as numeric) * "rate_card"."long_cached_prompt_per_1m") + (cast((s.completion_tokens - s.reasoning_tokens) as numeric) * "rate_card"."long_completion_per_1m") + (cast(s.reasoning_tokens as numeric) * "rate_card"."long_reasoning_per_1m")) * 0.000001) else (((cast((s.prompt_tokens - s.cached_prompt_tokens) as numeric) * "rate_card"."prompt_per_1m") + (cast(s.cached_prompt_tokens as numeric) * "rate_card"."cached_prompt_per_1m") + (cast((s.completion_tokens - s.reasoning_tokens) as numeric) * "rate_card"."completion_per_1m") + (cast(s.reasoning_tokens as numeric) * "rate_card"."reasoning_per_1m")) * 0.000001) end else (case when ("rate_card"."long_context_threshold" is not null and s.prompt_tokens > "rate_card"."long_context_threshold") then (((cast((s.prompt_tokens - s.cached_prompt_tokens) as numeric) * "rate_card"."long_prompt_per_1m") + (cast(s.cached_prompt_tokens as numeric) * "rate_card"."long_cached_prompt_per_1m") + (cast((s.completion_tokens - s.reasoning_tokens) as numeric) * "rate_card"."long_completion_per_1m") + (cast(s.reasoning_tokens as numeric) * "rate_card"."long_reasoning_per_1m")) * 0.000001) else (((cast((s.prompt_tokens - s.cached_prompt_tokens) as numeric) * "rate_card"."prompt_per_1m") + (cast(s.cached_prompt_tokens as numeric) * "rate_card"."cached_prompt_per_1m") + (cast((s.completion_tokens - s.reasoning_tokens) as numeric) * "rate_card"."completion_per_1m") + (cast(s.reasoning_tokens as numeric) * "rate_card"."reasoning_per_1m")) * 0.000001) end * (select "fx_rate"."rate" from "fx_rate" where ("fx_rate"."period" = date_trunc('month', s.usage_day)::date and "fx_rate"."currency" = "rate_card"."currency" and "fx_rate"."reporting_currency" = 'USD'))) end end
    from usage_staging s
    left join rate_card on rate_card.rate_card_id = s.rate_card_id
    order by s.event_id
    on conflict on constraint usage_event_pk do nothing
    returning usage_day, tenant_key, deployment, model, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost
),
grouped as (
    select usage_day, tenant_key, deployment, model, count(*) as events,
        sum(requests) as requests,
        sum(prompt_tokens) as prompt_tokens,
        sum(cached_prompt_tokens) as cached_prompt_tokens,
        sum(completion_tokens) as completion_tokens,
        sum(reasoning_tokens) as reasoning_tokens,
        coalesce(sum(cost), 0) as cost,
        coalesce(sum(requests) filter (where cost is null), 0) as unpriced_requests,
        date_trunc('month', usage_day::timestamp)::date as period
    from inserted
    group by usage_day, tenant_key, deployment, model
),
flagged as (
    select g.*, b.period_start is not null as late
    from grouped g
    left join billing_period b on b.period_start = g.period
),
rolled_up as (
    insert into usage_daily as d (usage_day, tenant_key, deployment, model, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost, unpriced_requests)
    select usage_day, tenant_key, deployment, model, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost, unpriced_requests
    from flagged
    where not late
    order by usage_day, tenant_key, deployment, model
    on conflict on constraint usage_daily_pk do update set
        requests = d.requests + excluded.requests,
        prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,
        cached_prompt_tokens = d.cached_prompt_tokens + excluded.cached_prompt_tokens,
        completion_tokens = d.completion_tokens + excluded.completion_tokens,
        reasoning_tokens = d.reasoning_tokens + excluded.reasoning_tokens,
        cost = d.cost + excluded.cost,
        unpriced_requests = d.unpriced_requests + excluded.unpriced_requests
    returning 1
),
booked_late as (
    insert into ledger_adjustment as a (booked_period, refers_to_period, cause, tenant_key, deployment, model,
        requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost, unpriced_requests)
    select cast(? as date), period, 'LATE_USAGE', tenant_key, deployment, model, sum(requests), sum(prompt_tokens), sum(cached_prompt_tokens), sum(completion_tokens), sum(reasoning_tokens), sum(cost), sum(unpriced_requests)
    from flagged
    where late
    group by period, tenant_key, deployment, model
    order by period, tenant_key, deployment, model
    on conflict (booked_period, refers_to_period, tenant_key, deployment, model) where cause = 'LATE_USAGE'
    do update set
        requests = a.requests + excluded.requests,
        prompt_tokens = a.prompt_tokens + excluded.prompt_tokens,
        cached_prompt_tokens = a.cached_prompt_tokens + excluded.cached_prompt_tokens,
        completion_tokens = a.completion_tokens + excluded.completion_tokens,
        reasoning_tokens = a.reasoning_tokens + excluded.reasoning_tokens,
        cost = a.cost + excluded.cost,
        unpriced_requests = a.unpriced_requests + excluded.unpriced_requests,
        updated_at = now()
    returning 1
),
by_tenant as (
    insert into usage_tenant_day as m (usage_day, tenant_key, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost, unpriced_requests)
    select usage_day, tenant_key, sum(requests), sum(prompt_tokens), sum(cached_prompt_tokens), sum(completion_tokens), sum(reasoning_tokens), sum(cost), sum(unpriced_requests)
    from flagged
    where not late
    group by usage_day, tenant_key
    order by usage_day, tenant_key
    on conflict (usage_day, tenant_key) do update set
        requests = m.requests + excluded.requests,
        prompt_tokens = m.prompt_tokens + excluded.prompt_tokens,
        cached_prompt_tokens = m.cached_prompt_tokens + excluded.cached_prompt_tokens,
        completion_tokens = m.completion_tokens + excluded.completion_tokens,
        reasoning_tokens = m.reasoning_tokens + excluded.reasoning_tokens,
        cost = m.cost + excluded.cost,
        unpriced_requests = m.unpriced_requests + excluded.unpriced_requests
    returning 1
),
by_deployment as (
    insert into usage_deployment_day as m (usage_day, deployment, model, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost, unpriced_requests)
    select usage_day, deployment, model, sum(requests), sum(prompt_tokens), sum(cached_prompt_tokens), sum(completion_tokens), sum(reasoning_tokens), sum(cost), sum(unpriced_requests)
    from flagged
    where not late
    group by usage_day, deployment, model
    order by usage_day, deployment, model
    on conflict (usage_day, deployment, model) do update set
        requests = m.requests + excluded.requests,
        prompt_tokens = m.prompt_tokens + excluded.prompt_tokens,
        cached_prompt_tokens = m.cached_prompt_tokens + excluded.cached_prompt_tokens,
        completion_tokens = m.completion_tokens + excluded.completion_tokens,
        reasoning_tokens = m.reasoning_tokens + excluded.reasoning_tokens,
        cost = m.cost + excluded.cost,
        unpriced_requests = m.unpriced_requests + excluded.unpriced_requests
    returning 1
),
narrowed as (select set_config('tokenledger.narrow_rollups_written', statement_timestamp()::text, true))
select tenant_key, usage_day, late, sum(events)::integer
from flagged, narrowed
group by tenant_key, usage_day, late
