-- TokenLedger schema, version 1: tenants, rate cards, usage events with their daily rollup,
-- dead letters and local users. Every constraint and index is named (see db/README.md).

-- Tenants are created as usage for them arrives (including 'unassigned'); names come from the tenants API.
create table tenant (
    tenant_key  text        not null,
    name        text,
    cost_center text,
    created_at  timestamptz not null default now(),
    constraint tenant_pk primary key (tenant_key),
    constraint tenant_key_length_ck check (char_length(tenant_key) between 1 and 200)
);

-- One row per immutable rate-card version; prices are per 1M tokens and never rounded.
create table rate_card (
    rate_card_id         bigint generated always as identity,
    deployment           text        not null,
    currency             char(3)     not null,
    effective_from       date        not null,
    prompt_per_1m        numeric     not null,
    cached_prompt_per_1m numeric     not null,
    completion_per_1m    numeric     not null,
    reasoning_per_1m     numeric     not null,
    created_at           timestamptz not null default now(),
    created_by           text        not null,
    constraint rate_card_pk primary key (rate_card_id),
    constraint rate_card_version_uk unique (deployment, effective_from),
    constraint rate_card_prices_ck check (prompt_per_1m >= 0 and cached_prompt_per_1m >= 0
        and completion_per_1m >= 0 and reasoning_per_1m >= 0)
);

-- One row per request as the gateway reported it. event_id is the identity that makes replays harmless.
-- cost is null while no rate card prices the event (unpriced usage).
create table usage_event (
    event_id             text        not null,
    event_time           timestamptz not null,
    usage_day            date        not null,
    tenant_key           text        not null,
    source               text        not null,
    subscription_id      text,
    subscription_name    text,
    product_id           text,
    api_id               text,
    operation_id         text,
    user_id              text,
    app_id               text,
    deployment           text        not null,
    model                text        not null,
    region               text,
    backend_id           text,
    prompt_tokens        bigint      not null,
    cached_prompt_tokens bigint      not null,
    completion_tokens    bigint      not null,
    reasoning_tokens     bigint      not null,
    requests             integer     not null,
    streaming            boolean,
    estimated            boolean     not null,
    status_code          integer,
    attributes           jsonb,
    rate_card_id         bigint,
    cost                 numeric,
    ingested_at          timestamptz not null default now(),
    constraint usage_event_pk primary key (event_id),
    constraint usage_event_tokens_ck check (cached_prompt_tokens between 0 and prompt_tokens
        and reasoning_tokens between 0 and completion_tokens and requests >= 1)
);

create index usage_event_deployment_day_ix on usage_event (deployment, usage_day);

-- The ledger's source: usage and cost per business day, tenant, deployment and model ('' when unknown),
-- maintained in the same transaction as usage_event.
create table usage_daily (
    usage_day            date    not null,
    tenant_key           text    not null,
    deployment           text    not null,
    model                text    not null,
    requests             bigint  not null,
    prompt_tokens        bigint  not null,
    cached_prompt_tokens bigint  not null,
    completion_tokens    bigint  not null,
    reasoning_tokens     bigint  not null,
    cost                 numeric not null,
    unpriced_requests    bigint  not null,
    constraint usage_daily_pk primary key (usage_day, tenant_key, deployment, model)
);

create index usage_daily_tenant_day_ix on usage_daily (tenant_key, usage_day);

-- Input that could not be accepted, kept with its raw payload and the reason so that it can be fixed and replayed.
create table dead_letter (
    dead_letter_id bigint generated always as identity,
    source         text        not null,
    received_at    timestamptz not null default now(),
    item_index     integer,
    event_id       text,
    field          text,
    reason         text        not null,
    raw_payload    text        not null,
    replayed_at    timestamptz,
    constraint dead_letter_pk primary key (dead_letter_id)
);

create index dead_letter_received_ix on dead_letter (received_at);

-- People who sign in with a local password (the embedded default; OIDC users are mapped from claims).
create table app_user (
    username      text        not null,
    password_hash text        not null,
    role          text        not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    constraint app_user_pk primary key (username),
    constraint app_user_role_ck check (role in ('ADMIN', 'FINANCE', 'TENANT_VIEWER'))
);

create table app_user_tenant (
    username   text not null,
    tenant_key text not null,
    constraint app_user_tenant_pk primary key (username, tenant_key),
    constraint app_user_tenant_user_fk foreign key (username) references app_user (username) on delete cascade
);
