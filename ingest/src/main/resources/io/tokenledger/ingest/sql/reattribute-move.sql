-- After a change of mapping rules: charges each event of an open period that a changed rule matches (old or new
-- version) to the tenant the rules give it now, and applies what moved to the daily rollups as deltas (subtracted from
-- the old tenant's rows, added to the new one's), so every total stays as it was. Creates the tenants not seen before.
-- Answers (old tenant, new tenant, day, events) per move. Runs under the exclusive rules lock (LedgerLocks).
--
-- Reads tables of other modules: billing_period (reporting: the closed periods, whose events keep their tenant).
--
-- Placeholders:
--   {{affected}}                      the changed rules' condition over usage_event e, rendered per change with its
--                                     values bound (TenantReattribution.matching)
--   {{rule_ctes}}                     the mapping rules over affected, ending in rule_tenants (tenant-rule-ctes.sql)
--   {{tenant}}                        the tenant of the affected row a: its rule's, rt.tenant_key, else the fallback
--                                     (TenantResolver.fallback)
--   {{event_sums}}, {{event_sums_of_e}}
--                                     the event columns the rollups add up, of e (RollupSums.eventColumns)
--   {{rollup_sums_of_signed_events}}  the rollup sums of a group of deltas, each value times its sign
--                                     (RollupSums.ofEventsNamed)
--   {{rollup_sums}}                   the rollup sum columns (RollupSums.columns)
--   {{rollup_sums_added_to_d}}        x = d.x + excluded.x for each rollup sum column (RollupSums.addedTo)
-- Binds: those of {{affected}}.
with affected as (
    select e.event_id, e.tenant_key, e.tenant, e.subscription_name, e.subscription_id, e.product_id, e.user_id,
        e.app_id, e.attributes
    from usage_event e
    where ({{affected}})
      and not exists (select 1 from billing_period b
          where b.period_start = date_trunc('month', e.usage_day::timestamp)::date)
),
{{rule_ctes}},
candidates as (
    select a.event_id, a.tenant_key as old_tenant, {{tenant}} as new_tenant
    from affected a
    left join rule_tenants rt on rt.row_key = a.event_id
),
moved as (
    update usage_event e set tenant_key = c.new_tenant
    from candidates c
    where e.event_id = c.event_id and c.new_tenant <> c.old_tenant
    returning e.usage_day, c.old_tenant, c.new_tenant, e.deployment, e.model, {{event_sums_of_e}}
),
deltas as (
    select usage_day, new_tenant as tenant_key, deployment, model, 1 as sign, {{event_sums}} from moved
    union all
    select usage_day, old_tenant, deployment, model, -1, {{event_sums}} from moved
),
net as (
    select usage_day, tenant_key, deployment, model,
        {{rollup_sums_of_signed_events}}
    from deltas
    group by usage_day, tenant_key, deployment, model
),
created as (
    insert into tenant (tenant_key) select distinct new_tenant from moved order by 1 on conflict do nothing
),
applied as (
    insert into usage_daily as d (usage_day, tenant_key, deployment, model, {{rollup_sums}})
    select usage_day, tenant_key, deployment, model, {{rollup_sums}}
    from net
    order by usage_day, tenant_key, deployment, model
    on conflict on constraint usage_daily_pk do update set
        {{rollup_sums_added_to_d}}
)
select old_tenant, new_tenant, usage_day, count(*)
from moved
group by old_tenant, new_tenant, usage_day
