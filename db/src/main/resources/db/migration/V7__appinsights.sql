-- Application Insights (customMetrics / AppMetrics) ingestion, see docs/appinsights.md.
-- App Insights holds pre-aggregated token metrics that keep growing while late data arrives. TokenLedger books each
-- (time bin, dimension set) as a series of delta events: the first pull books what it saw, a later pull that sees a
-- larger sum books only the difference, as event '<bin id>#<revision>'.

-- What the ledger holds for each bin so far: the next pull compares its fresh aggregate with this row, books the
-- difference and raises the row, in the same transaction as the delta events and the watermark.
create table appinsights_bin (
    bin_id            text        not null,
    bin_start         timestamptz not null,
    dimensions        jsonb       not null,
    prompt_tokens     bigint      not null,
    completion_tokens bigint      not null,
    total_tokens      bigint      not null,
    requests          bigint      not null,
    revision          integer     not null,
    pulled_at         timestamptz not null,
    constraint appinsights_bin_pk primary key (bin_id),
    constraint appinsights_bin_counts_ck check (prompt_tokens >= 0 and completion_tokens >= 0 and total_tokens >= 0
        and requests >= 0 and revision >= 1)
);

create index appinsights_bin_start_ix on appinsights_bin (bin_start);

-- One row per queried resource or workspace: how far (by ingestion time) the ledger has read it, and which instance
-- currently pulls (a lease, so that several instances pull one at a time and a dead instance's claim runs out).
-- ingested_to is null until the first window of a newly configured source has been read.
create table appinsights_watermark (
    source_key      text        not null,
    ingested_to     timestamptz,
    claimed_by      text,
    claimed_until   timestamptz,
    last_pull_at    timestamptz,
    last_success_at timestamptz,
    last_error      text,
    updated_at      timestamptz not null,
    constraint appinsights_watermark_pk primary key (source_key)
);

-- A delta event of a bin whose sums grew can add tokens without adding requests (the requests were counted by an
-- earlier revision), so requests may be 0. Every other rule of the check stays as it was.
alter table usage_event drop constraint usage_event_tokens_ck;
alter table usage_event add constraint usage_event_tokens_ck check (cached_prompt_tokens between 0 and prompt_tokens
    and reasoning_tokens between 0 and completion_tokens and requests >= 0);
