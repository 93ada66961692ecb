-- Scheduled chargeback reports (reporting.schedule): what to send when, every run that was claimed, and every
-- message of a run with its outcome and retries. Every constraint and index is named (see db/README.md).

-- A schedule: a Spring cron expression (seconds first) in a time zone, who gets the statement, of which tenants,
-- in which format, and which billing period (the one before the occurrence's, or the one it falls in).
create table report_schedule (
    report_schedule_id bigint generated always as identity,
    name               text        not null,
    cron               text        not null,
    zone               text        not null,
    recipients         text[]      not null,
    scope              text        not null,
    format             text        not null,
    period             text        not null,
    created_by         text        not null,
    created_at         timestamptz not null default now(),
    constraint report_schedule_pk primary key (report_schedule_id),
    constraint report_schedule_name_ck check (char_length(name) between 1 and 200),
    constraint report_schedule_scope_ck check (scope = 'all' or scope = 'per-tenant-owner'
        or (scope like 'costCenter:_%') or (scope like 'tenant:_%')),
    constraint report_schedule_format_ck check (format in ('xlsx', 'html', 'both')),
    constraint report_schedule_period_ck check (period in ('previous', 'current'))
);

-- One row per occurrence that an instance claimed. The unique key is what makes a schedule run once per
-- occurrence however many instances tick: the first insert wins, every other one conflicts and does nothing.
-- A manual run ("run now") is an occurrence at the moment it was asked for.
create table report_run (
    report_run_id      bigint generated always as identity,
    report_schedule_id bigint      not null,
    occurrence         timestamptz not null,
    trigger            text        not null,
    period             date        not null,
    claimed_by         text        not null,
    claimed_at         timestamptz not null default now(),
    constraint report_run_pk primary key (report_run_id),
    constraint report_run_occurrence_uk unique (report_schedule_id, occurrence),
    constraint report_run_schedule_fk foreign key (report_schedule_id)
        references report_schedule (report_schedule_id) on delete cascade,
    constraint report_run_trigger_ck check (trigger in ('schedule', 'manual')),
    constraint report_run_period_ck check (extract(day from period) = 1)
);

-- One message of a run (one per run, or one per tenant for per-tenant-owner), sent at least once: a failed
-- attempt waits next_attempt_at and is tried again until max attempts; an attempt that died with its instance
-- is taken over when its lease ends.
create table report_delivery (
    report_delivery_id bigint generated always as identity,
    report_run_id      bigint      not null,
    tenant_key         text,
    recipients         text[]      not null,
    state              text        not null,
    attempts           integer     not null default 0,
    next_attempt_at    timestamptz not null,
    lease_until        timestamptz,
    last_error         text,
    sent_at            timestamptz,
    constraint report_delivery_pk primary key (report_delivery_id),
    constraint report_delivery_run_fk foreign key (report_run_id)
        references report_run (report_run_id) on delete cascade,
    constraint report_delivery_state_ck check (state in ('pending', 'sending', 'sent', 'failed')),
    constraint report_delivery_attempts_ck check (attempts >= 0)
);

create index report_delivery_run_ix on report_delivery (report_run_id);
create index report_delivery_due_ix on report_delivery (next_attempt_at) where state in ('pending', 'sending');
