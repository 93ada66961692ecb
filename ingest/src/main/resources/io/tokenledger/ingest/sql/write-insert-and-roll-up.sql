-- A batch's new events from the staging table, charged to their tenants and priced, and their sums added to the rollups
-- in the same statement: per day, tenant, deployment and model to usage_daily, and per day and tenant, and per day,
-- deployment and model, to the narrow rollups usage_tenant_day and usage_deployment_day (decision 0010); each rollup
-- row is touched once, in key order. Sums of a day in a closed billing period go instead to that period's LATE_USAGE
-- adjustment booked in the open period, so a closed period is never rewritten. Answers per tenant and day how many
-- events were new and whether they were late.
--
-- Reads tables of other modules: rate_card and fx_rate (pricing: the card that prices an event, and {{cost}}),
-- billing_period (reporting: the closed periods).
--
-- Placeholders:
--   {{staged_columns}}         the staged columns (UsageWriteStatements.STAGED_COLUMNS)
--   {{staged_columns_of_s}}    the same, of the staged row s
--   {{tenant}}                 the tenant of the staged row s: the rule's noted by write-resolve-tenants.sql, else the
--                              fallback (TenantResolver.fallback)
--   {{cost}}                   the cost of the staged row s priced by its rate_card row, in the reporting currency
--                              (pricing's CostExpression)
--   {{known_ids}}              what a known id does: nothing more than the unique key's own check, which fails the
--                              statement (the insert in delivery order); or, on the way the writer takes after such a
--                              failure, "order by s.event_id on conflict ... do nothing" (UsageWriteStatements.KnownIds)
--   {{event_sums}}             the event columns the rollups add up (RollupSums.eventColumns)
--   {{rollup_sums}}            the rollup sum columns (RollupSums.columns)
--   {{rollup_sums_of_events}}  the rollup sums of a group of events, named as their columns (RollupSums.ofEventsNamed)
--   {{summed_rollup_sums}}     sum(x) of each rollup sum column (RollupSums.summed)
--   {{rollup_sums_added_to_d}}, {{rollup_sums_added_to_a}}, {{rollup_sums_added_to_m}}
--                              x = d.x + excluded.x for each rollup sum column, for the rows d, a, m (RollupSums.addedTo)
-- Binds:
--   ?  the first day of the open period, which late usage is booked in
with inserted as (
    insert into usage_event ({{staged_columns}}, tenant_key, cost)
    select {{staged_columns_of_s}}, {{tenant}},
        case when s.rate_card_id is null then null else {{cost}} end
    from usage_staging s
    left join rate_card on rate_card.rate_card_id = s.rate_card_id
    {{known_ids}}
    returning usage_day, tenant_key, deployment, model, {{event_sums}}
),
grouped as (
    select usage_day, tenant_key, deployment, model, count(*) as events,
        {{rollup_sums_of_events}},
        date_trunc('month', usage_day::timestamp)::date as period
    from inserted
    group by usage_day, tenant_key, deployment, model
),
-- a join rather than an EXISTS per group: a few closed periods against ~3,000 groups per 10k batch
flagged as (
    select g.*, b.period_start is not null as late
    from grouped g
    left join billing_period b on b.period_start = g.period
),
rolled_up as (
    insert into usage_daily as d (usage_day, tenant_key, deployment, model, {{rollup_sums}})
    select usage_day, tenant_key, deployment, model, {{rollup_sums}}
    from flagged
    where not late
    order by usage_day, tenant_key, deployment, model
    on conflict on constraint usage_daily_pk do update set
        {{rollup_sums_added_to_d}}
    returning 1
),
booked_late as (
    insert into ledger_adjustment as a (booked_period, refers_to_period, cause, tenant_key, deployment, model,
        {{rollup_sums}})
    select cast(? as date), period, 'LATE_USAGE', tenant_key, deployment, model, {{summed_rollup_sums}}
    from flagged
    where late
    group by period, tenant_key, deployment, model
    order by period, tenant_key, deployment, model
    on conflict (booked_period, refers_to_period, tenant_key, deployment, model) where cause = 'LATE_USAGE'
    do update set
        {{rollup_sums_added_to_a}},
        updated_at = now()
    returning 1
),
by_tenant as (
    insert into usage_tenant_day as m (usage_day, tenant_key, {{rollup_sums}})
    select usage_day, tenant_key, {{summed_rollup_sums}}
    from flagged
    where not late
    group by usage_day, tenant_key
    order by usage_day, tenant_key
    on conflict (usage_day, tenant_key) do update set
        {{rollup_sums_added_to_m}}
    returning 1
),
by_deployment as (
    insert into usage_deployment_day as m (usage_day, deployment, model, {{rollup_sums}})
    select usage_day, deployment, model, {{summed_rollup_sums}}
    from flagged
    where not late
    group by usage_day, deployment, model
    order by usage_day, deployment, model
    on conflict (usage_day, deployment, model) do update set
        {{rollup_sums_added_to_m}}
    returning 1
),
-- the triggers of usage_daily leave this statement alone (V11): it wrote the narrow rollups itself
narrowed as (select set_config('tokenledger.narrow_rollups_written', statement_timestamp()::text, true))
select tenant_key, usage_day, late, sum(events)::integer
from flagged, narrowed
group by tenant_key, usage_day, late
