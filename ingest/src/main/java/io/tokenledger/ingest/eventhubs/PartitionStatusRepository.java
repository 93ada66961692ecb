package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.EVENTHUBS_PARTITION_STATUS;

import io.tokenledger.db.jooq.Keys;
import io.tokenledger.db.jooq.tables.records.EventhubsPartitionStatusRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Per-partition figures for the status page, one upsert per batch: when events last arrived, events in this and
 * the previous minute (two buckets, so a rate needs no scan of usage events), and the partition's newest event.
 */
@Repository
class PartitionStatusRepository {

    private final DSLContext dsl;

    PartitionStatusRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    void record(PartitionBatch batch, Instant now) {
        var s = EVENTHUBS_PARTITION_STATUS;
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        OffsetDateTime minute = now.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC);
        OffsetDateTime previousMinute = minute.minusMinutes(1);
        PartitionKey partition = batch.partition();
        OffsetDateTime eventAt = batch.events() > 0 ? at : null;
        OffsetDateTime enqueued = batch.last() == null || batch.last().enqueuedTime() == null
                ? null
                : batch.last().enqueuedTime().atOffset(ZoneOffset.UTC);
        PartitionBatch.Newest newest = batch.newest();
        Long newestSequence = newest == null ? null : newest.sequenceNumber();
        OffsetDateTime newestTime = newest == null ? null : utc(newest.enqueuedTime());
        OffsetDateTime newestRetrieved = newest == null ? null : utc(newest.retrievedAt());
        long events = batch.events();
        dsl.insertInto(s)
                .set(s.FULLY_QUALIFIED_NAMESPACE, partition.namespace())
                .set(s.EVENT_HUB_NAME, partition.eventHub())
                .set(s.CONSUMER_GROUP, partition.consumerGroup())
                .set(s.PARTITION_ID, partition.partition())
                .set(s.LAST_BATCH_AT, at)
                .set(s.LAST_EVENT_AT, eventAt)
                .set(s.LAST_EVENT_ENQUEUED_TIME, enqueued)
                .set(s.MINUTE_START, minute)
                .set(s.EVENTS_THIS_MINUTE, events)
                .set(s.EVENTS_PREVIOUS_MINUTE, 0L)
                .set(s.LAST_ENQUEUED_SEQUENCE_NUMBER, newestSequence)
                .set(s.LAST_ENQUEUED_TIME, newestTime)
                .set(s.LAST_ENQUEUED_RETRIEVED_AT, newestRetrieved)
                .onConflictOnConstraint(Keys.EVENTHUBS_PARTITION_STATUS_PK)
                .doUpdate()
                .set(s.LAST_BATCH_AT, at)
                .set(s.LAST_EVENT_AT, DSL.coalesce(DSL.val(eventAt), s.LAST_EVENT_AT))
                .set(s.LAST_EVENT_ENQUEUED_TIME, DSL.greatest(s.LAST_EVENT_ENQUEUED_TIME, DSL.val(enqueued)))
                .set(
                        s.EVENTS_PREVIOUS_MINUTE,
                        DSL.when(s.MINUTE_START.eq(minute), s.EVENTS_PREVIOUS_MINUTE)
                                .when(s.MINUTE_START.eq(previousMinute), s.EVENTS_THIS_MINUTE)
                                .otherwise(0L))
                .set(
                        s.EVENTS_THIS_MINUTE,
                        DSL.when(s.MINUTE_START.eq(minute), s.EVENTS_THIS_MINUTE.plus(events))
                                .otherwise(events))
                .set(s.MINUTE_START, minute)
                .set(
                        s.LAST_ENQUEUED_SEQUENCE_NUMBER,
                        DSL.coalesce(DSL.val(newestSequence), s.LAST_ENQUEUED_SEQUENCE_NUMBER))
                .set(s.LAST_ENQUEUED_TIME, DSL.coalesce(DSL.val(newestTime), s.LAST_ENQUEUED_TIME))
                .set(s.LAST_ENQUEUED_RETRIEVED_AT, DSL.coalesce(DSL.val(newestRetrieved), s.LAST_ENQUEUED_RETRIEVED_AT))
                .execute();
    }

    List<StoredStatus> all() {
        return dsl.selectFrom(EVENTHUBS_PARTITION_STATUS).fetch(PartitionStatusRepository::toStatus);
    }

    private static StoredStatus toStatus(EventhubsPartitionStatusRecord row) {
        return new StoredStatus(
                new PartitionKey(
                        row.getFullyQualifiedNamespace(),
                        row.getEventHubName(),
                        row.getConsumerGroup(),
                        row.getPartitionId()),
                instant(row.getLastBatchAt()),
                instant(row.getLastEventAt()),
                instant(row.getLastEventEnqueuedTime()),
                instant(row.getMinuteStart()),
                row.getEventsThisMinute(),
                row.getEventsPreviousMinute(),
                row.getLastEnqueuedSequenceNumber(),
                instant(row.getLastEnqueuedTime()),
                instant(row.getLastEnqueuedRetrievedAt()));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /** A status row as stored. */
    record StoredStatus(
            PartitionKey partition,
            Instant lastBatchAt,
            Instant lastEventAt,
            Instant lastEventEnqueuedTime,
            Instant minuteStart,
            long eventsThisMinute,
            long eventsPreviousMinute,
            Long newestSequenceNumber,
            Instant newestEnqueuedTime,
            Instant newestRetrievedAt) {

        long eventsPerMinute(Instant now) {
            return new MinuteBuckets(minuteStart, eventsThisMinute, eventsPreviousMinute).perMinute(now);
        }
    }
}
