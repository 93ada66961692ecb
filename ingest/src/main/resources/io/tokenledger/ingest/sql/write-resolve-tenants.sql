-- Resolves the tenant of every staged event and creates the tenants not seen before, in key order, before any event row
-- is locked: so concurrent batches take row locks in one order (tenants, then events, then rollups by key). The winning
-- rule's tenant is noted on the staged events a rule matches (most batches match none, and then no staged row is
-- rewritten); write-insert-and-roll-up.sql then charges each event to the noted tenant, else to the fallback.
--
-- Placeholders:
--   {{rule_ctes}}  the mapping rules over usage_staging, ending in rule_tenants (row_key, tenant_key) (tenant-rule-ctes.sql)
--   {{tenant}}     the tenant of the staged row s: its rule's, rt.tenant_key, else the fallback (TenantResolver.fallback)
-- Binds: none.
with
{{rule_ctes}},
matched as (
    update usage_staging s set tenant_key = rt.tenant_key
    from rule_tenants rt
    where s.event_id = rt.row_key
)
insert into tenant (tenant_key)
select distinct {{tenant}}
from usage_staging s
left join rule_tenants rt on rt.row_key = s.event_id
order by 1
on conflict do nothing
