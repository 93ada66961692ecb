with
row_fields as (
    select s.event_id as row_key, f.field, f.value
    from usage_staging s
    cross join lateral (values ('tenant', s.tenant), ('subscriptionName', s.subscription_name),
        ('subscriptionId', s.subscription_id), ('productId', s.product_id), ('userId', s.user_id),
        ('appId', s.app_id)) as f(field, value)
    where f.value is not null and f.field in (select field from tenant_mapping_rule)
    union all
    select s.event_id, 'attributes.' || a.key, a.value
    from usage_staging s
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
matched as (
    update usage_staging s set tenant_key = rt.tenant_key
    from rule_tenants rt
    where s.event_id = rt.row_key
)
insert into tenant (tenant_key)
select distinct coalesce(rt.tenant_key, nullif(s.tenant, ''), nullif(s.subscription_name, ''), nullif(s.subscription_id, ''), 'unassigned')
from usage_staging s
left join rule_tenants rt on rt.row_key = s.event_id
order by 1
on conflict do nothing
