-- Issue 9: the ingest batch writes the narrow rollups in its own statement.
--
-- An ingest batch only adds to usage_daily, and it already has its sums grouped by day, tenant, deployment and model;
-- summing those a second time per tenant and per deployment in the same statement costs a fraction of what the
-- triggers of V10 cost (capturing the old and new versions of every daily row touched, joining them back and
-- planning their dynamic SQL on every batch). The ingest statement marks itself by setting
-- tokenledger.narrow_rollups_written to its statement_timestamp(), transaction-local; the triggers then leave that one
-- statement alone. Any other statement (a later one of the same transaction included) has another timestamp, so
-- re-pricing and re-attribution keep being followed by the triggers as before.

create or replace function narrow_rollups_follow() returns trigger language plpgsql as $$
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
    -- the ingest statement adds its sums to the narrow rollups itself and marks itself so
    if current_setting('tokenledger.narrow_rollups_written', true) = statement_timestamp()::text then
        return null;
    end if;
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
