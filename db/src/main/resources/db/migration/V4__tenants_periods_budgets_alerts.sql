-- Tenants with owners and mapping rules, billing periods that close, ledger adjustments for what changes after a
-- close, budgets, and alerts delivered through an outbox. Every constraint and index is named (see db/README.md).

-- Who to tell about a tenant (scheduled statements per tenant owner, alert links). 'unassigned' always exists: it
-- is where usage that no rule maps is charged, and pages show it even before such usage arrives.
alter table tenant
    add column owner_email text,
    add constraint tenant_owner_email_ck check (owner_email is null
        or (char_length(owner_email) between 3 and 320 and owner_email like '_%@_%'));

create index tenant_cost_center_ix on tenant (cost_center);

insert into tenant (tenant_key, name) values ('unassigned', 'Unassigned') on conflict do nothing;

-- The explicit tenant field as the event carried it, so that a changed rule can resolve stored events again.
-- Existing rows were charged to their explicit tenant or to their subscription; both resolve to the same key again.
alter table usage_event add column tenant text;

update usage_event set tenant = tenant_key where tenant_key <> 'unassigned';

-- Mapping rules: the first rule (lowest priority, then oldest) whose field matches decides an event's tenant.
-- field is a canonical record field or 'attributes.<key>'; regex is a PostgreSQL regular expression, because the
-- write path and re-attribution both evaluate the rules in SQL.
create table tenant_mapping_rule (
    rule_id    bigint generated always as identity,
    field      text        not null,
    match_kind text        not null,
    pattern    text        not null,
    tenant_key text        not null,
    priority   integer     not null,
    created_at timestamptz not null default now(),
    created_by text        not null,
    constraint tenant_mapping_rule_pk primary key (rule_id),
    constraint tenant_mapping_rule_tenant_fk foreign key (tenant_key) references tenant (tenant_key),
    constraint tenant_mapping_rule_field_ck check (field in ('tenant', 'subscriptionName', 'subscriptionId',
        'productId', 'userId', 'appId') or field ~ '^attributes\.[^[:space:]]{1,100}$'),
    constraint tenant_mapping_rule_match_ck check (match_kind in ('exact', 'prefix', 'regex')),
    constraint tenant_mapping_rule_pattern_ck check (char_length(pattern) between 1 and 500),
    constraint tenant_mapping_rule_uk unique (field, match_kind, pattern)
);

create index tenant_mapping_rule_order_ix on tenant_mapping_rule (priority, rule_id);

-- A billing period (a calendar month in tokenledger.business-zone) is open until it has a row here. Nothing of a
-- closed period is rewritten: its usage_daily rows stay as they were, later changes become ledger_adjustment rows.
create table billing_period (
    period_start date        not null,
    closed_at    timestamptz not null,
    closed_by    text        not null,
    constraint billing_period_pk primary key (period_start),
    constraint billing_period_month_ck check (extract(day from period_start) = 1)
);

-- Changes to a closed period, booked in an open one (booked_period): usage that arrived after the close
-- (LATE_USAGE, one row per closed period, tenant, deployment and model, growing with later arrivals) and price
-- corrections (REPRICING, the exact difference, with the rate card that caused it). Amounts and counts are deltas
-- and may be negative.
create table ledger_adjustment (
    adjustment_id        bigint generated always as identity,
    booked_period        date        not null,
    refers_to_period     date        not null,
    cause                text        not null,
    tenant_key           text        not null,
    deployment           text        not null,
    model                text        not null,
    requests             bigint      not null,
    prompt_tokens        bigint      not null,
    cached_prompt_tokens bigint      not null,
    completion_tokens    bigint      not null,
    reasoning_tokens     bigint      not null,
    cost                 numeric     not null,
    unpriced_requests    bigint      not null,
    rate_card_id         bigint,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    constraint ledger_adjustment_pk primary key (adjustment_id),
    constraint ledger_adjustment_cause_ck check (cause in ('LATE_USAGE', 'REPRICING')),
    constraint ledger_adjustment_periods_ck check (extract(day from booked_period) = 1
        and extract(day from refers_to_period) = 1 and refers_to_period < booked_period)
);

create unique index ledger_adjustment_late_uk
    on ledger_adjustment (booked_period, refers_to_period, tenant_key, deployment, model)
    where cause = 'LATE_USAGE';

create index ledger_adjustment_booked_ix on ledger_adjustment (booked_period, tenant_key);

-- A budget of a tenant or a cost center: a monthly amount with percentage steps and/or a daily threshold.
create table budget (
    budget_id      bigint generated always as identity,
    scope          text        not null,
    subject        text        not null,
    monthly_amount numeric,
    steps          integer[]   not null,
    daily_amount   numeric,
    updated_at     timestamptz not null default now(),
    updated_by     text        not null,
    constraint budget_pk primary key (budget_id),
    constraint budget_subject_uk unique (scope, subject),
    constraint budget_scope_ck check (scope in ('TENANT', 'COST_CENTER')),
    constraint budget_amounts_ck check ((monthly_amount is null or monthly_amount > 0)
        and (daily_amount is null or daily_amount > 0)
        and (monthly_amount is not null or daily_amount is not null)),
    constraint budget_steps_ck check (cardinality(steps) between 1 and 20 and 0 < all (steps)
        and 1000 >= all (steps))
);

-- A threshold crossing. The unique key makes "exactly once" a database fact: however many batches, instances,
-- replays or restarts evaluate the same crossing, the first insert wins and every other one does nothing.
-- window_start is the period's first day (MONTHLY, step = % of the budget) or the day (DAILY, step = 100).
create table alert (
    alert_id        bigint generated always as identity,
    scope           text        not null,
    subject         text        not null,
    kind            text        not null,
    step            integer     not null,
    window_start    date        not null,
    budget_amount   numeric     not null,
    threshold       numeric     not null,
    spend           numeric     not null,
    forecast        numeric,
    top_deployments jsonb       not null default '[]',
    fired_at        timestamptz not null default now(),
    constraint alert_pk primary key (alert_id),
    constraint alert_once_uk unique (scope, subject, kind, step, window_start),
    constraint alert_scope_ck check (scope in ('TENANT', 'COST_CENTER')),
    constraint alert_kind_ck check (kind in ('MONTHLY', 'DAILY'))
);

create index alert_fired_ix on alert (fired_at);

-- Where alerts go: a Slack incoming webhook or a generic webhook (signed with secret), for every tenant (GLOBAL), one
-- tenant or one cost center. A removed channel is kept (deleted_at) so that its delivery log stays readable.
create table alert_channel (
    channel_id bigint generated always as identity,
    kind       text        not null,
    name       text,
    url        text        not null,
    secret     text,
    scope      text        not null,
    subject    text,
    created_at timestamptz not null default now(),
    created_by text        not null,
    deleted_at timestamptz,
    constraint alert_channel_pk primary key (channel_id),
    constraint alert_channel_kind_ck check (kind in ('slack', 'webhook')),
    constraint alert_channel_scope_ck check (scope in ('GLOBAL', 'TENANT', 'COST_CENTER')
        and (scope = 'GLOBAL') = (subject is null)),
    constraint alert_channel_secret_ck check (kind <> 'webhook' or secret is not null),
    constraint alert_channel_url_ck check (char_length(url) between 8 and 2000)
);

-- The outbox: one row per alert and channel, written in the alert's transaction, sent by a poller that claims due
-- rows (FOR UPDATE SKIP LOCKED) with a lease, so a message recorded before a restart is still sent, and sent once.
-- alert_id is null for a channel's test message.
create table alert_delivery (
    delivery_id     bigint generated always as identity,
    alert_id        bigint,
    channel_id      bigint      not null,
    state           text        not null default 'PENDING',
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    lease_until     timestamptz,
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    created_at      timestamptz not null default now(),
    constraint alert_delivery_pk primary key (delivery_id),
    constraint alert_delivery_alert_fk foreign key (alert_id) references alert (alert_id),
    constraint alert_delivery_channel_fk foreign key (channel_id) references alert_channel (channel_id),
    constraint alert_delivery_once_uk unique (alert_id, channel_id),
    constraint alert_delivery_state_ck check (state in ('PENDING', 'DELIVERED', 'FAILED')),
    constraint alert_delivery_attempts_ck check (attempts >= 0)
);

create index alert_delivery_due_ix on alert_delivery (next_attempt_at) where state = 'PENDING';
create index alert_delivery_channel_ix on alert_delivery (channel_id, created_at);

-- Every attempt of a delivery with what the receiver answered, for the delivery log.
create table alert_delivery_attempt (
    delivery_id  bigint      not null,
    attempt      integer     not null,
    attempted_at timestamptz not null,
    status_code  integer,
    error        text,
    duration_ms  bigint      not null,
    constraint alert_delivery_attempt_pk primary key (delivery_id, attempt),
    constraint alert_delivery_attempt_delivery_fk foreign key (delivery_id)
        references alert_delivery (delivery_id) on delete cascade
);
