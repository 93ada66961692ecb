-- Not a statement: the CTEs that find the winning mapping rule of every row of {{source}}, for a statement to put in its
-- WITH (TenantResolver.ruleCtes). The last, rule_tenants (row_key, tenant_key), has a row where a rule matched: the
-- first rule by priority, then by id, whose field matches. Rows no rule matched get TenantResolver.fallback.
--
-- Rules are matched against the distinct values of each field, one rule at a time, and the best hit is joined back to
-- the rows by (field, value): a batch of 10,000 events from 500 subscriptions costs 500 matches per rule, not 10,000,
-- and PostgreSQL's cache of compiled regular expressions (32 entries) is not thrashed however many regex rules there
-- are. Only the fields some rule looks at are unpacked, so an installation without rules pays nothing for them.
--
-- Placeholders:
--   {{source}}  the relation resolved: usage_event's field columns (tenant, subscription_name, subscription_id,
--               product_id, user_id, app_id, attributes) and event_id, unique in it
-- Binds: none.
row_fields as (
    select s.event_id as row_key, f.field, f.value
    from {{source}} s
    cross join lateral (values ('tenant', s.tenant), ('subscriptionName', s.subscription_name),
        ('subscriptionId', s.subscription_id), ('productId', s.product_id), ('userId', s.user_id),
        ('appId', s.app_id)) as f(field, value)
    where f.value is not null and f.field in (select field from tenant_mapping_rule)
    union all
    select s.event_id, 'attributes.' || a.key, a.value
    from {{source}} s
    cross join lateral jsonb_each_text(s.attributes) as a
    -- attributes are unpacked only while some rule looks at one (an init plan, evaluated once)
    where s.attributes is not null and exists (select 1 from tenant_mapping_rule where field like 'attributes.%')
),
rule_values as (select distinct field, value from row_fields),
-- one rule at a time (lateral), so that each pattern is compiled once per statement
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
)
