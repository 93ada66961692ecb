package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.EVENTHUBS_CHECKPOINT;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.eventhubs.UsageRecord.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.messaging.eventhubs.models.EventBatchContext;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.ingest.format.UsagePayloadParser;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Group commit: batches of other partitions handed over while a transaction is written go into the next transaction
 * together, and a batch that fails such a shared transaction fails only its own partition.
 */
@EventHubsIntegrationTest
class BatchWriterIT {

    private final PostgresCheckpointStore store;
    private final BatchWriter writer;
    private final GroupProbe probe;
    private final DSLContext dsl;
    private final EventBatchHandler handler;
    private final ExecutorService partitions = Executors.newVirtualThreadPerTaskExecutor();

    @Autowired
    BatchWriterIT(
            PostgresCheckpointStore store,
            BatchWriter writer,
            UsagePayloadParser parser,
            GroupProbe probe,
            DSLContext dsl) {
        this.store = store;
        this.writer = writer;
        this.probe = probe;
        this.dsl = dsl;
        this.handler = new EventBatchHandler(new EventBodyReader(parser), writer, Duration.ofSeconds(5));
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @AfterEach
    void probeOff() {
        probe.off();
        partitions.shutdownNow();
    }

    @Test
    void batchesHandedOverDuringATransactionAreWrittenTogetherInTheNextOne() throws Exception {
        List<CompletableFuture<Void>> delivered = deliverWhileTheFirstIsHeld("0", "1", "2", "3");

        for (CompletableFuture<Void> partition : delivered) {
            partition.get(30, TimeUnit.SECONDS);
        }

        Map<String, Long> transactions = probe.transactions();
        assertThat(transactions.get("1")).isEqualTo(transactions.get("2")).isEqualTo(transactions.get("3"));
        assertThat(transactions.get("0")).isNotEqualTo(transactions.get("1"));
        assertThat(eventIds())
                .containsExactlyInAnyOrder("p0-a", "p0-b", "p1-a", "p1-b", "p2-a", "p2-b", "p3-a", "p3-b");
        assertThat(checkpointedPartitions()).containsExactlyInAnyOrder("0", "1", "2", "3");
        assertThat(writer.waiting()).isZero();
    }

    @Test
    void aBatchThatFailsItsSharedTransactionIsWrittenAgainAloneAndFailsOnlyItsOwnPartition() throws Exception {
        probe.fail("2");
        List<CompletableFuture<Void>> delivered = deliverWhileTheFirstIsHeld("0", "1", "2", "3");

        delivered.get(0).get(30, TimeUnit.SECONDS);
        delivered.get(1).get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> delivered.get(2).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .hasMessage("batch of partition 2 fails");
        delivered.get(3).get(30, TimeUnit.SECONDS);

        Map<String, Long> transactions = probe.transactions();
        assertThat(transactions.get("1"))
                .as("written again in a transaction of its own")
                .isNotEqualTo(transactions.get("3"));
        assertThat(eventIds()).containsExactlyInAnyOrder("p0-a", "p0-b", "p1-a", "p1-b", "p3-a", "p3-b");
        assertThat(checkpointedPartitions()).containsExactlyInAnyOrder("0", "1", "3");
    }

    /**
     * Delivers a batch of the first partition and holds it in its transaction until the batches of the others are
     * waiting for theirs; then lets it commit. Answers the deliveries, in the order of {@code partitionIds}.
     */
    private List<CompletableFuture<Void>> deliverWhileTheFirstIsHeld(String... partitionIds) throws Exception {
        probe.hold(partitionIds[0]);
        List<CompletableFuture<Void>> delivered = new ArrayList<>();
        delivered.add(deliver(partitionIds[0]));
        probe.awaitHeld();
        for (int i = 1; i < partitionIds.length; i++) {
            delivered.add(deliver(partitionIds[i]));
        }
        Instant giveUp = Instant.now().plusSeconds(30);
        while (writer.waiting() < partitionIds.length - 1) {
            assertThat(Instant.now()).as("the other batches queue up").isBefore(giveUp);
            Thread.sleep(10);
        }
        probe.release();
        return delivered;
    }

    private CompletableFuture<Void> deliver(String partitionId) {
        TestPartition partition = new TestPartition(partitionId)
                .append(record("p" + partitionId + "-a").json())
                .append(record("p" + partitionId + "-b").json());
        EventBatchContext batch = partition.batchesAfter(null, 2, store).getFirst();
        return CompletableFuture.runAsync(() -> handler.accept(batch), partitions);
    }

    private List<String> eventIds() {
        return dsl.select(USAGE_EVENT.EVENT_ID).from(USAGE_EVENT).fetch(USAGE_EVENT.EVENT_ID);
    }

    private List<String> checkpointedPartitions() {
        return dsl.select(EVENTHUBS_CHECKPOINT.PARTITION_ID)
                .from(EVENTHUBS_CHECKPOINT)
                .fetch(EVENTHUBS_CHECKPOINT.PARTITION_ID);
    }
}
