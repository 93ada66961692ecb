package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.EVENTHUBS_CHECKPOINT;

import io.tokenledger.db.jooq.Keys;
import io.tokenledger.db.jooq.tables.records.EventhubsCheckpointRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * The last event of each partition whose batch is in the ledger. Written inside the batch's transaction (or, for the
 * SDK's own {@code updateCheckpoint}, on its own); it only ever moves forward.
 */
@Repository
class CheckpointRepository {

    private final DSLContext dsl;

    CheckpointRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Records that every event up to {@code last} is processed. An older position than the stored one changes
     * nothing: a processor that replayed from a stale checkpoint must not send the partition back further.
     */
    void advance(PartitionKey partition, StreamPosition last) {
        dsl.insertInto(EVENTHUBS_CHECKPOINT)
                .set(EVENTHUBS_CHECKPOINT.FULLY_QUALIFIED_NAMESPACE, partition.namespace())
                .set(EVENTHUBS_CHECKPOINT.EVENT_HUB_NAME, partition.eventHub())
                .set(EVENTHUBS_CHECKPOINT.CONSUMER_GROUP, partition.consumerGroup())
                .set(EVENTHUBS_CHECKPOINT.PARTITION_ID, partition.partition())
                .set(EVENTHUBS_CHECKPOINT.SEQUENCE_NUMBER, last.sequenceNumber())
                .set(EVENTHUBS_CHECKPOINT.OFFSET_STRING, last.offset())
                .set(EVENTHUBS_CHECKPOINT.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .onConflictOnConstraint(Keys.EVENTHUBS_CHECKPOINT_PK)
                .doUpdate()
                .set(EVENTHUBS_CHECKPOINT.SEQUENCE_NUMBER, last.sequenceNumber())
                .set(EVENTHUBS_CHECKPOINT.OFFSET_STRING, last.offset())
                .set(EVENTHUBS_CHECKPOINT.UPDATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .where(EVENTHUBS_CHECKPOINT.SEQUENCE_NUMBER.lt(last.sequenceNumber()))
                .execute();
    }

    List<StoredCheckpoint> list(String namespace, String eventHub, String consumerGroup) {
        return dsl.selectFrom(EVENTHUBS_CHECKPOINT)
                .where(hub(namespace, eventHub, consumerGroup))
                .orderBy(EVENTHUBS_CHECKPOINT.PARTITION_ID)
                .fetch(CheckpointRepository::toCheckpoint);
    }

    /** Every checkpoint of every hub, for the status page. */
    List<StoredCheckpoint> all() {
        return dsl.selectFrom(EVENTHUBS_CHECKPOINT).fetch(CheckpointRepository::toCheckpoint);
    }

    private static Condition hub(String namespace, String eventHub, String consumerGroup) {
        return EVENTHUBS_CHECKPOINT
                .FULLY_QUALIFIED_NAMESPACE
                .eq(namespace)
                .and(EVENTHUBS_CHECKPOINT.EVENT_HUB_NAME.eq(eventHub))
                .and(EVENTHUBS_CHECKPOINT.CONSUMER_GROUP.eq(consumerGroup));
    }

    private static StoredCheckpoint toCheckpoint(EventhubsCheckpointRecord row) {
        return new StoredCheckpoint(
                new PartitionKey(
                        row.getFullyQualifiedNamespace(),
                        row.getEventHubName(),
                        row.getConsumerGroup(),
                        row.getPartitionId()),
                row.getSequenceNumber(),
                row.getOffsetString(),
                row.getUpdatedAt().toInstant());
    }

    /** A checkpoint as stored: the last processed event's sequence number and offset, and when it was written. */
    record StoredCheckpoint(PartitionKey partition, long sequenceNumber, String offset, Instant updatedAt) {}
}
