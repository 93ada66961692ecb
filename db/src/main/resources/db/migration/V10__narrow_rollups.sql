-- Issue 9: the ledger at 10M+ events.

-- Narrow rollups: the daily rollups summed per day and tenant, and per day, deployment and model, so that the
-- ledger's most common questions (a month by tenant; by deployment or model; spend per day stacked by tenant)
-- read thousands of rows instead of hundreds of thousands. Statement-level triggers on usage_daily keep them:
-- every statement that changes daily rollups (an ingest batch, a re-pricing, a re-attribution) changes them by
-- the same amounts, in the same transaction, set-based and once per statement, so no writer can forget them.
-- They drop a dimension each rather than coarsening the day: a batch of 10,000 events (a couple of hours of
-- traffic) touches a few hundred of their rows, and any range of days can be read from them.
--
-- The rollups are updated in place all day long; a fill factor of 50 leaves room on each page for the new row
-- versions, so that those updates are HOT (no new index entries, no bloat).

create table usage_tenant_day (
    usage_day            date    not null,
    tenant_key           text    not null,
    requests             bigint  not null,
    prompt_tokens        bigint  not null,
    cached_prompt_tokens bigint  not null,
    completion_tokens    bigint  not null,
    reasoning_tokens     bigint  not null,
    cost                 numeric not null,
    unpriced_requests    bigint  not null,
    constraint usage_tenant_day_pk primary key (usage_day, tenant_key)
) with (fillfactor = 50);

create table usage_deployment_day (
    usage_day            date    not null,
    deployment           text    not null,
    model                text    not null,
    requests             bigint  not null,
    prompt_tokens        bigint  not null,
    cached_prompt_tokens bigint  not null,
    completion_tokens    bigint  not null,
    reasoning_tokens     bigint  not null,
    cost                 numeric not null,
    unpriced_requests    bigint  not null,
    constraint usage_deployment_day_pk primary key (usage_day, deployment, model)
) with (fillfactor = 50);

insert into usage_tenant_day
select usage_day, tenant_key, sum(requests), sum(prompt_tokens),
       sum(cached_prompt_tokens), sum(completion_tokens), sum(reasoning_tokens), sum(cost), sum(unpriced_requests)
from usage_daily
group by 1, tenant_key;

insert into usage_deployment_day
select usage_day, deployment, model, sum(requests), sum(prompt_tokens),
       sum(cached_prompt_tokens), sum(completion_tokens), sum(reasoning_tokens), sum(cost), sum(unpriced_requests)
from usage_daily
group by 1, deployment, model;

alter table usage_daily set (fillfactor = 50);

-- Adds what one statement did to usage_daily (its transition tables, signed) to the narrow rollups; an update pairs each
-- old row with its new one by key (nothing updates a rollup's key), so it adds their difference. A narrow row that the
-- change has emptied is removed, as empty daily rows are; it can only have become empty where one of its daily
-- rows did (updated to nothing, or deleted), so that clean-up costs nothing in the ingest path.
create function narrow_rollups_follow() returns trigger language plpgsql as $$
declare
    changed text := case tg_op
        when 'INSERT' then 'select *, 1 as sign from new_rows'
        when 'UPDATE' then 'select n.usage_day, n.tenant_key, n.deployment, n.model,'
            || ' n.requests - o.requests as requests, n.prompt_tokens - o.prompt_tokens as prompt_tokens,'
            || ' n.cached_prompt_tokens - o.cached_prompt_tokens as cached_prompt_tokens,'
            || ' n.completion_tokens - o.completion_tokens as completion_tokens,'
            || ' n.reasoning_tokens - o.reasoning_tokens as reasoning_tokens, n.cost - o.cost as cost,'
            || ' n.unpriced_requests - o.unpriced_requests as unpriced_requests, 1 as sign'
            || ' from new_rows n join old_rows o using (usage_day, tenant_key, deployment, model)'
        else 'select *, -1 as sign from old_rows' end;
    emptied text := case tg_op
        when 'UPDATE' then 'select * from new_rows where requests = 0 and prompt_tokens = 0'
            || ' and completion_tokens = 0 and cost = 0 and unpriced_requests = 0'
        else 'select * from old_rows' end;
begin
    execute format($sql$
        with changes as (
            select usage_day, tenant_key, deployment, model,
                   sign * requests as requests, sign * prompt_tokens as prompt_tokens,
                   sign * cached_prompt_tokens as cached_prompt_tokens,
                   sign * completion_tokens as completion_tokens, sign * reasoning_tokens as reasoning_tokens,
                   sign * cost as cost, sign * unpriced_requests as unpriced_requests
            from (%s) c
        ),
        by_tenant as (
            insert into usage_tenant_day as m
            select usage_day, tenant_key, sum(requests), sum(prompt_tokens), sum(cached_prompt_tokens),
                   sum(completion_tokens), sum(reasoning_tokens), sum(cost), sum(unpriced_requests)
            from changes
            group by usage_day, tenant_key
            order by usage_day, tenant_key
            on conflict on constraint usage_tenant_day_pk do update set
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
            insert into usage_deployment_day as m
            select usage_day, deployment, model, sum(requests), sum(prompt_tokens), sum(cached_prompt_tokens),
                   sum(completion_tokens), sum(reasoning_tokens), sum(cost), sum(unpriced_requests)
            from changes
            group by usage_day, deployment, model
            order by usage_day, deployment, model
            on conflict on constraint usage_deployment_day_pk do update set
                requests = m.requests + excluded.requests,
                prompt_tokens = m.prompt_tokens + excluded.prompt_tokens,
                cached_prompt_tokens = m.cached_prompt_tokens + excluded.cached_prompt_tokens,
                completion_tokens = m.completion_tokens + excluded.completion_tokens,
                reasoning_tokens = m.reasoning_tokens + excluded.reasoning_tokens,
                cost = m.cost + excluded.cost,
                unpriced_requests = m.unpriced_requests + excluded.unpriced_requests
            returning 1
        )
        select (select count(*) from by_tenant), (select count(*) from by_deployment)
        $sql$, changed);
    if tg_op <> 'INSERT' then
        execute format($sql$
            with emptied as (
                select distinct usage_day, tenant_key, deployment, model
                from (%s) e
            ), tenants as (
                delete from usage_tenant_day m using emptied e
                where m.usage_day = e.usage_day and m.tenant_key = e.tenant_key
                  and m.requests = 0 and m.prompt_tokens = 0 and m.cached_prompt_tokens = 0 and m.completion_tokens = 0
                  and m.reasoning_tokens = 0 and m.cost = 0 and m.unpriced_requests = 0
            )
            delete from usage_deployment_day m using emptied e
            where m.usage_day = e.usage_day and m.deployment = e.deployment and m.model = e.model
              and m.requests = 0 and m.prompt_tokens = 0 and m.cached_prompt_tokens = 0 and m.completion_tokens = 0
                  and m.reasoning_tokens = 0 and m.cost = 0 and m.unpriced_requests = 0
            $sql$, emptied);
    end if;
    return null;
end
$$;

create trigger usage_daily_inserted_tg after insert on usage_daily
    referencing new table as new_rows for each statement execute function narrow_rollups_follow();
create trigger usage_daily_updated_tg after update on usage_daily
    referencing old table as old_rows new table as new_rows for each statement execute function narrow_rollups_follow();
create trigger usage_daily_deleted_tg after delete on usage_daily
    referencing old table as old_rows for each statement execute function narrow_rollups_follow();

-- usage_event is written append-mostly in time order: a BRIN index on the business day finds a day range's
-- blocks (re-pricing, re-attribution) at almost no cost per insert, where the B-tree on (deployment, day) cost every
-- batch an index insert per event. The (deployment, model, day) combinations to re-price come from usage_daily.
drop index usage_event_deployment_day_ix;
create index usage_event_day_brin on usage_event using brin (usage_day);
