package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.EVENTHUBS_OWNERSHIP;

import com.azure.messaging.eventhubs.models.PartitionOwnership;
import io.tokenledger.db.jooq.Keys;
import io.tokenledger.db.jooq.tables.records.EventhubsOwnershipRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Partition ownership with optimistic concurrency. A claim carries the etag its claimant read: it succeeds only
 * while the row still has that etag (or, with no etag, only while there is no row), and every success gets a new
 * etag. Timestamps are the database's, so instances whose clocks differ still agree on when ownership expires.
 */
@Repository
class OwnershipRepository {

    private final DSLContext dsl;

    OwnershipRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<PartitionOwnership> list(String namespace, String eventHub, String consumerGroup) {
        return dsl.selectFrom(EVENTHUBS_OWNERSHIP)
                .where(EVENTHUBS_OWNERSHIP.FULLY_QUALIFIED_NAMESPACE.eq(namespace))
                .and(EVENTHUBS_OWNERSHIP.EVENT_HUB_NAME.eq(eventHub))
                .and(EVENTHUBS_OWNERSHIP.CONSUMER_GROUP.eq(consumerGroup))
                .orderBy(EVENTHUBS_OWNERSHIP.PARTITION_ID)
                .fetch(OwnershipRepository::toOwnership);
    }

    /** Every ownership row of every hub, for the status page. */
    List<PartitionOwnership> all() {
        return dsl.selectFrom(EVENTHUBS_OWNERSHIP).fetch(OwnershipRepository::toOwnership);
    }

    /** The claimed ownership with its new etag and time, or empty when someone else changed the row first. */
    Optional<PartitionOwnership> claim(PartitionOwnership request) {
        String newETag = UUID.randomUUID().toString();
        String owner = request.getOwnerId() == null ? "" : request.getOwnerId();
        if (request.getETag() == null) {
            return dsl.insertInto(EVENTHUBS_OWNERSHIP)
                    .set(EVENTHUBS_OWNERSHIP.FULLY_QUALIFIED_NAMESPACE, request.getFullyQualifiedNamespace())
                    .set(EVENTHUBS_OWNERSHIP.EVENT_HUB_NAME, request.getEventHubName())
                    .set(EVENTHUBS_OWNERSHIP.CONSUMER_GROUP, request.getConsumerGroup())
                    .set(EVENTHUBS_OWNERSHIP.PARTITION_ID, request.getPartitionId())
                    .set(EVENTHUBS_OWNERSHIP.OWNER_ID, owner)
                    .set(EVENTHUBS_OWNERSHIP.ETAG, newETag)
                    .set(EVENTHUBS_OWNERSHIP.LAST_MODIFIED_TIME, DSL.currentOffsetDateTime())
                    .onConflictOnConstraint(Keys.EVENTHUBS_OWNERSHIP_PK)
                    .doNothing()
                    .returning()
                    .fetchOptional()
                    .map(OwnershipRepository::toOwnership);
        }
        return dsl.update(EVENTHUBS_OWNERSHIP)
                .set(EVENTHUBS_OWNERSHIP.OWNER_ID, owner)
                .set(EVENTHUBS_OWNERSHIP.ETAG, newETag)
                .set(EVENTHUBS_OWNERSHIP.LAST_MODIFIED_TIME, DSL.currentOffsetDateTime())
                .where(EVENTHUBS_OWNERSHIP.FULLY_QUALIFIED_NAMESPACE.eq(request.getFullyQualifiedNamespace()))
                .and(EVENTHUBS_OWNERSHIP.EVENT_HUB_NAME.eq(request.getEventHubName()))
                .and(EVENTHUBS_OWNERSHIP.CONSUMER_GROUP.eq(request.getConsumerGroup()))
                .and(EVENTHUBS_OWNERSHIP.PARTITION_ID.eq(request.getPartitionId()))
                .and(EVENTHUBS_OWNERSHIP.ETAG.eq(request.getETag()))
                .returning()
                .fetchOptional()
                .map(OwnershipRepository::toOwnership);
    }

    private static PartitionOwnership toOwnership(EventhubsOwnershipRecord row) {
        return new PartitionOwnership()
                .setFullyQualifiedNamespace(row.getFullyQualifiedNamespace())
                .setEventHubName(row.getEventHubName())
                .setConsumerGroup(row.getConsumerGroup())
                .setPartitionId(row.getPartitionId())
                .setOwnerId(row.getOwnerId())
                .setETag(row.getEtag())
                .setLastModifiedTime(row.getLastModifiedTime().toInstant().toEpochMilli());
    }
}
