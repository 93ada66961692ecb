with affected as (
    select e.event_id, e.tenant_key, e.tenant, e.subscription_name, e.subscription_id, e.product_id, e.user_id,
        e.app_id, e.attributes
    from usage_event e
    where (("e"."subscription_name" = ? or (starts_with("e"."product_id", ?)) or ("e"."user_id" ~ ?) or e.attributes ->> ? = ?))
      and not exists (select 1 from billing_period b
          where b.period_start = date_trunc('month', e.usage_day::timestamp)::date)
),
row_fields as (
    select s.event_id as row_key, f.field, f.value
    from affected s
    cross join lateral (values ('tenant', s.tenant), ('subscriptionName', s.subscription_name),
        ('subscriptionId', s.subscription_id), ('productId', s.product_id), ('userId', s.user_id),
        ('appId', s.app_id)) as f(field, value)
    where f.value is not null and f.field in (select field from tenant_mapping_rule)
    union all
    select s.event_id, 'attributes.' || a.key, a.value
    from affected s
    cross join lateral jsonb_each_text(s.attributes) as a
    where s.attributes is not null and exists (select 1 from tenant_mapping_rule where field like 'attributes.%')
),
rule_values as (select distinct field, value from row_fields),
rule_hits as (
    select distinct on (v.field, v.value) v.field, v.value, r.priority, r.rule_id, r.tenant_key
    from tenant_mapping_rule r
    cross join lateral (
        select rv.field, rv.value
        from rule_values rv
        where rv.field = r.field
          and case r.match_kind
              when 'exact' then rv.value = r.pattern
              when 'prefix' then starts_with(rv.value, r.pattern)
              else rv.value ~ r.pattern
          end
    ) v
    order by v.field, v.value, r.priority, r.rule_id
),
rule_tenants as (
    select distinct on (rf.row_key) rf.row_key, h.tenant_key
    from row_fields rf
    join rule_hits h on h.field = rf.field and h.value = rf.value
    order by rf.row_key, h.priority, h.rule_id
),
candidates as (
    select a.event_id, a.tenant_key as old_tenant, coalesce(rt.tenant_key, nullif(a.tenant, ''), nullif(a.subscription_name, ''), nullif(a.subscription_id, ''), 'unassigned') as new_tenant
    from affected a
    left join rule_tenants rt on rt.row_key = a.event_id
),
moved as (
    update usage_event e set tenant_key = c.new_tenant
    from candidates c
    where e.event_id = c.event_id and c.new_tenant <> c.old_tenant
    returning e.usage_day, c.old_tenant, c.new_tenant, e.deployment, e.model, e.requests, e.prompt_tokens, e.cached_prompt_tokens, e.completion_tokens, e.reasoning_tokens, e.cost
),
deltas as (
    select usage_day, new_tenant as tenant_key, deployment, model, 1 as sign, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost from moved
    union all
    select usage_day, old_tenant, deployment, model, -1, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost from moved
),
net as (
    select usage_day, tenant_key, deployment, model,
        sum(sign * requests) as requests,
        sum(sign * prompt_tokens) as prompt_tokens,
        sum(sign * cached_prompt_tokens) as cached_prompt_tokens,
        sum(sign * completion_tokens) as completion_tokens,
        sum(sign * reasoning_tokens) as reasoning_tokens,
        coalesce(sum(sign * cost), 0) as cost,
        coalesce(sum(sign * requests) filter (where cost is null), 0) as unpriced_requests
    from deltas
    group by usage_day, tenant_key, deployment, model
),
created as (
    insert into tenant (tenant_key) select distinct new_tenant from moved order by 1 on conflict do nothing
),
applied as (
    insert into usage_daily as d (usage_day, tenant_key, deployment, model, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost, unpriced_requests)
    select usage_day, tenant_key, deployment, model, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost, unpriced_requests
    from net
    order by usage_day, tenant_key, deployment, model
    on conflict on constraint usage_daily_pk do update set
        requests = d.requests + excluded.requests,
        prompt_tokens = d.prompt_tokens + excluded.prompt_tokens,
        cached_prompt_tokens = d.cached_prompt_tokens + excluded.cached_prompt_tokens,
        completion_tokens = d.completion_tokens + excluded.completion_tokens,
        reasoning_tokens = d.reasoning_tokens + excluded.reasoning_tokens,
        cost = d.cost + excluded.cost,
        unpriced_requests = d.unpriced_requests + excluded.unpriced_requests
)
select old_tenant, new_tenant, usage_day, count(*)
from moved
group by old_tenant, new_tenant, usage_day
