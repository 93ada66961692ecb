package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.EVENTHUBS_OWNERSHIP;
import static io.tokenledger.ingest.eventhubs.TestPartition.GROUP;
import static io.tokenledger.ingest.eventhubs.TestPartition.HUB;
import static io.tokenledger.ingest.eventhubs.TestPartition.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.azure.messaging.eventhubs.models.Checkpoint;
import com.azure.messaging.eventhubs.models.PartitionOwnership;
import io.tokenledger.db.testing.TestDatabase;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The {@code CheckpointStore} contract the SDK's load balancer relies on, on real PostgreSQL: one winner when
 * processors race for a partition, stale etags rejected, expired and relinquished ownership taken over, checkpoints
 * listed per hub and consumer group.
 */
@EventHubsIntegrationTest
class PostgresCheckpointStoreIT {

    private static final int RACERS = 8;
    private static final Duration EXPIRATION = Duration.ofMinutes(1);

    private final PostgresCheckpointStore store;
    private final DSLContext dsl;

    @Autowired
    PostgresCheckpointStoreIT(PostgresCheckpointStore store, DSLContext dsl) {
        this.store = store;
        this.dsl = dsl;
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @Test
    void processorsRacingForANewPartitionHaveExactlyOneWinner() throws Exception {
        List<List<PartitionOwnership>> results = race(owner -> request("0", owner, null));

        List<PartitionOwnership> winners =
                results.stream().flatMap(List::stream).toList();
        assertThat(winners).hasSize(1);
        PartitionOwnership stored = onlyOwnership("0");
        assertThat(stored.getOwnerId()).isEqualTo(winners.getFirst().getOwnerId());
        assertThat(stored.getETag()).isEqualTo(winners.getFirst().getETag()).isNotBlank();
    }

    @Test
    void processorsRacingWithTheSameETagHaveExactlyOneWinner() throws Exception {
        String etag = claim(request("0", "processor-a", null)).getETag();

        List<List<PartitionOwnership>> results = race(owner -> request("0", owner, etag));

        assertThat(results.stream().mapToInt(List::size).sum()).isEqualTo(1);
        assertThat(onlyOwnership("0").getETag()).isNotEqualTo(etag);
    }

    @Test
    void claimWithAStaleETagIsRejectedAndChangesNothing() {
        PartitionOwnership a = claim(request("0", "processor-a", null));
        PartitionOwnership b = claim(request("0", "processor-b", a.getETag()));

        List<PartitionOwnership> renewal = store.claimOwnership(List.of(request("0", "processor-a", a.getETag())))
                .collectList()
                .block();

        assertThat(renewal).isEmpty();
        PartitionOwnership stored = onlyOwnership("0");
        assertThat(stored.getOwnerId()).isEqualTo("processor-b");
        assertThat(stored.getETag()).isEqualTo(b.getETag());
    }

    @Test
    void claimWithoutETagOfAnOwnedPartitionIsRejected() {
        claim(request("0", "processor-a", null));

        assertThat(store.claimOwnership(List.of(request("0", "processor-b", null)))
                        .collectList()
                        .block())
                .isEmpty();
        assertThat(onlyOwnership("0").getOwnerId()).isEqualTo("processor-a");
    }

    @Test
    void everySuccessfulClaimGetsANewETagAndTheDatabaseTime() {
        PartitionOwnership first = claim(request("0", "processor-a", null));
        long databaseBefore = databaseMillis();

        PartitionOwnership renewed = claim(request("0", "processor-a", first.getETag()));
        long databaseAfter = databaseMillis();

        assertThat(renewed.getETag()).isNotEqualTo(first.getETag());
        assertThat(renewed.getLastModifiedTime()).isGreaterThanOrEqualTo(first.getLastModifiedTime());
        assertThat(renewed.getLastModifiedTime())
                .as("the database's time during the claim")
                .isBetween(databaseBefore, databaseAfter);
    }

    /** The database's time now (its transaction's start, as the store takes it). */
    private long databaseMillis() {
        return dsl.select(DSL.currentOffsetDateTime())
                .fetchSingle()
                .value1()
                .toInstant()
                .toEpochMilli();
    }

    @Test
    void expiredOwnershipIsTakenOverAndTheFormerOwnersRenewalFails() {
        PartitionOwnership a = claim(request("0", "processor-a", null));
        // processor-a stops renewing (killed, partitioned from the database)
        dsl.update(EVENTHUBS_OWNERSHIP)
                .set(
                        EVENTHUBS_OWNERSHIP.LAST_MODIFIED_TIME,
                        DSL.field("now() - interval '2 minutes'", OffsetDateTime.class))
                .execute();

        // processor-b lists, sees the ownership expired as the SDK's load balancer judges it, and claims it
        PartitionOwnership listed = onlyOwnership("0");
        assertThat(System.currentTimeMillis() - listed.getLastModifiedTime()).isGreaterThan(EXPIRATION.toMillis());
        PartitionOwnership b = claim(request("0", "processor-b", listed.getETag()));

        assertThat(b.getOwnerId()).isEqualTo("processor-b");
        assertThat(System.currentTimeMillis() - b.getLastModifiedTime()).isLessThan(EXPIRATION.toMillis());
        assertThat(store.claimOwnership(List.of(request("0", "processor-a", a.getETag())))
                        .collectList()
                        .block())
                .as("processor-a comes back and tries to renew")
                .isEmpty();
        assertThat(onlyOwnership("0").getOwnerId()).isEqualTo("processor-b");
    }

    @Test
    void relinquishedOwnershipIsListedWithoutOwnerAndCanBeClaimed() {
        PartitionOwnership a = claim(request("0", "processor-a", null));
        // what EventProcessorClient.stop() does with each partition it owns
        PartitionOwnership released = claim(request("0", "", a.getETag()));

        assertThat(onlyOwnership("0").getOwnerId()).isEmpty();
        PartitionOwnership b = claim(request("0", "processor-b", released.getETag()));
        assertThat(b.getOwnerId()).isEqualTo("processor-b");
    }

    @Test
    void aClaimOfSeveralPartitionsReturnsOnlyTheOnesThatSucceeded() {
        claim(request("1", "processor-a", null));

        List<PartitionOwnership> claimed = store.claimOwnership(List.of(
                        request("0", "processor-b", null),
                        request("1", "processor-b", null),
                        request("2", "processor-b", "no-such-etag")))
                .collectList()
                .block();

        assertThat(claimed).extracting(PartitionOwnership::getPartitionId).containsExactly("0");
        assertThat(store.listOwnership(NAMESPACE, HUB, GROUP).collectList().block())
                .extracting(PartitionOwnership::getPartitionId, PartitionOwnership::getOwnerId)
                .containsExactly(tuple("0", "processor-b"), tuple("1", "processor-a"));
    }

    @Test
    void ownershipAndCheckpointsAreKeptApartPerHubAndConsumerGroup() {
        claim(request("0", "processor-a", null));
        store.updateCheckpoint(checkpoint("0", 41L)).block();
        store.updateCheckpoint(checkpoint("0", 7L).setConsumerGroup("other-group"))
                .block();

        assertThat(store.listOwnership(NAMESPACE, HUB, "other-group")
                        .collectList()
                        .block())
                .isEmpty();
        assertThat(store.listOwnership(NAMESPACE, "other-hub", GROUP)
                        .collectList()
                        .block())
                .isEmpty();
        assertThat(store.listCheckpoints(NAMESPACE, HUB, GROUP).collectList().block())
                .singleElement()
                .satisfies(checkpoint -> {
                    assertThat(checkpoint.getSequenceNumber()).isEqualTo(41L);
                    assertThat(checkpoint.getOffsetString()).isEqualTo("41984");
                    assertThat(checkpoint.getPartitionId()).isEqualTo("0");
                    assertThat(checkpoint.getFullyQualifiedNamespace()).isEqualTo(NAMESPACE);
                });
        assertThat(store.listCheckpoints(NAMESPACE, HUB, "other-group")
                        .collectList()
                        .block())
                .extracting(Checkpoint::getSequenceNumber)
                .containsExactly(7L);
    }

    @Test
    void aCheckpointOnlyMovesForward() {
        store.updateCheckpoint(checkpoint("0", 100L)).block();
        store.updateCheckpoint(checkpoint("0", 40L)).block();

        assertThat(store.listCheckpoints(NAMESPACE, HUB, GROUP).collectList().block())
                .extracting(Checkpoint::getSequenceNumber)
                .containsExactly(100L);

        store.updateCheckpoint(checkpoint("0", 101L)).block();
        assertThat(store.listCheckpoints(NAMESPACE, HUB, GROUP).collectList().block())
                .extracting(Checkpoint::getSequenceNumber)
                .containsExactly(101L);
    }

    @Test
    void aCheckpointWithoutSequenceNumberIsRefused() {
        assertThatThrownBy(() -> store.updateCheckpoint(checkpoint("0", null)).block())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sequence number");
    }

    private List<List<PartitionOwnership>> race(Function<String, PartitionOwnership> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(RACERS);
        try {
            CyclicBarrier start = new CyclicBarrier(RACERS);
            List<Future<List<PartitionOwnership>>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                String owner = "processor-" + i;
                futures.add(threads.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return store.claimOwnership(List.of(requests.apply(owner)))
                            .collectList()
                            .block();
                }));
            }
            List<List<PartitionOwnership>> results = new ArrayList<>();
            for (Future<List<PartitionOwnership>> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private PartitionOwnership claim(PartitionOwnership request) {
        List<PartitionOwnership> claimed =
                store.claimOwnership(List.of(request)).collectList().block();
        assertThat(claimed).as("claim of %s", request.getOwnerId()).hasSize(1);
        return claimed.getFirst();
    }

    private PartitionOwnership onlyOwnership(String partition) {
        return store.listOwnership(NAMESPACE, HUB, GROUP)
                .filter(ownership -> ownership.getPartitionId().equals(partition))
                .single()
                .block();
    }

    private static PartitionOwnership request(String partition, String owner, String etag) {
        return new PartitionOwnership()
                .setFullyQualifiedNamespace(NAMESPACE)
                .setEventHubName(HUB)
                .setConsumerGroup(GROUP)
                .setPartitionId(partition)
                .setOwnerId(owner)
                .setETag(etag);
    }

    private static Checkpoint checkpoint(String partition, Long sequenceNumber) {
        return new Checkpoint()
                .setFullyQualifiedNamespace(NAMESPACE)
                .setEventHubName(HUB)
                .setConsumerGroup(GROUP)
                .setPartitionId(partition)
                .setSequenceNumber(sequenceNumber)
                .setOffsetString(sequenceNumber == null ? "0" : String.valueOf(sequenceNumber * 1024));
    }
}
