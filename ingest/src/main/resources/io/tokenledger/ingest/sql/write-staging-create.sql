-- The session's staging table of a batch, emptied by every commit. COPY fills every column but tenant_key, in the order
-- of UsageWriteStatements.STAGED_COLUMNS (write-staging-copy.sql); write-resolve-tenants.sql notes in tenant_key the
-- tenant of the mapping rule that matched the event, if any.
--
-- Created once per connection: the JDBC driver forgets its prepared statements after any CREATE, even one that finds
-- the table there, and would parse and plan every statement of every batch anew.
--
-- Placeholders: none. Binds: none.
create temporary table usage_staging (
    event_id text,
    event_time timestamptz,
    usage_day date,
    tenant text,
    source text,
    subscription_id text,
    subscription_name text,
    product_id text,
    api_id text,
    operation_id text,
    user_id text,
    app_id text,
    deployment text,
    model text,
    region text,
    backend_id text,
    prompt_tokens bigint,
    cached_prompt_tokens bigint,
    completion_tokens bigint,
    reasoning_tokens bigint,
    requests integer,
    streaming boolean,
    estimated boolean,
    status_code integer,
    attributes jsonb,
    rate_card_id bigint,
    tenant_key text
) on commit delete rows
