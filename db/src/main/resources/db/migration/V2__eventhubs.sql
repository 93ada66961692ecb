-- Event Hubs ingestion without an Azure Storage account: the Event Hubs SDK's CheckpointStore lives here.
-- Checkpoints are written in the same transaction as the ledger rows of their batch (see docs/eventhubs.md).

-- Which processor (one per TokenLedger instance) owns which partition. The SDK's load balancer claims and renews
-- rows with optimistic concurrency: a claim names the etag it read and succeeds only while the row still has it.
-- last_modified_time is the database's clock, so instances with skewed clocks still agree on expiry.
create table eventhubs_ownership (
    fully_qualified_namespace text        not null,
    event_hub_name            text        not null,
    consumer_group            text        not null,
    partition_id              text        not null,
    owner_id                  text        not null,
    etag                      text        not null,
    last_modified_time        timestamptz not null,
    constraint eventhubs_ownership_pk
        primary key (fully_qualified_namespace, event_hub_name, consumer_group, partition_id)
);

-- The last event of each partition whose batch is in the ledger. It only moves forward: a replay from an older
-- position (crash, rebalance) re-reads events the ledger already holds, which usage_event_pk turns into no-ops.
create table eventhubs_checkpoint (
    fully_qualified_namespace text        not null,
    event_hub_name            text        not null,
    consumer_group            text        not null,
    partition_id              text        not null,
    sequence_number           bigint      not null,
    offset_string             text,
    updated_at                timestamptz not null,
    constraint eventhubs_checkpoint_pk
        primary key (fully_qualified_namespace, event_hub_name, consumer_group, partition_id)
);

-- What the ingestion status page shows per partition, updated once per batch (never per event): when events last
-- arrived, a two-bucket per-minute counter, and the partition's newest event as the SDK last reported it (lag).
create table eventhubs_partition_status (
    fully_qualified_namespace     text        not null,
    event_hub_name                text        not null,
    consumer_group                text        not null,
    partition_id                  text        not null,
    last_batch_at                 timestamptz not null,
    last_event_at                 timestamptz,
    last_event_enqueued_time      timestamptz,
    minute_start                  timestamptz not null,
    events_this_minute            bigint      not null,
    events_previous_minute        bigint      not null,
    last_enqueued_sequence_number bigint,
    last_enqueued_time            timestamptz,
    last_enqueued_retrieved_at    timestamptz,
    constraint eventhubs_partition_status_pk
        primary key (fully_qualified_namespace, event_hub_name, consumer_group, partition_id)
);

-- Where a rejected Event Hubs message was: stream = '<namespace>/<event hub>', then partition and sequence number.
-- The unique index makes keeping a dead letter idempotent, so a replayed batch does not keep its poison twice.
alter table dead_letter
    add column source_stream          text,
    add column source_partition       text,
    add column source_sequence_number bigint;

create unique index dead_letter_source_position_uk
    on dead_letter (source_stream, source_partition, source_sequence_number, item_index) nulls not distinct
    where source_stream is not null;

-- Recent activity per source (http, eventhubs, …) for the ingestion status page, one upsert per committed batch.
-- A table rather than an index on usage_event: an index on (source, ingested_at) cost the HTTP path about a fifth
-- of its throughput (bench/results/2026-11-23-eventhubs-batch.md).
create table ingest_source_activity (
    source                 text        not null,
    last_event_at          timestamptz not null,
    minute_start           timestamptz not null,
    events_this_minute     bigint      not null,
    events_previous_minute bigint      not null,
    constraint ingest_source_activity_pk primary key (source)
);
