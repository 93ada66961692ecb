package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.EVENTHUBS_CHECKPOINT;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.eventhubs.UsageRecord.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.messaging.eventhubs.models.EventBatchContext;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.ingest.IngestProperties;
import io.tokenledger.ingest.format.UsagePayloadParser;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Group commit: batches of other partitions handed over while the allowed number of transactions are being written
 * go into the next transaction together, and a batch that fails such a shared transaction fails only its own
 * partition.
 */
@EventHubsIntegrationTest
class BatchWriterIT {

    private final PostgresCheckpointStore store;
    private final BatchWriter writer;
    private final GroupProbe probe;
    private final DSLContext dsl;
    private final EventBatchHandler handler;
    private final int writing;
    private final ExecutorService partitions = Executors.newVirtualThreadPerTaskExecutor();

    @Autowired
    BatchWriterIT(
            PostgresCheckpointStore store,
            BatchWriter writer,
            UsagePayloadParser parser,
            GroupProbe probe,
            IngestProperties properties,
            DSLContext dsl) {
        this.store = store;
        this.writer = writer;
        this.probe = probe;
        this.dsl = dsl;
        this.writing = properties.eventhubs().writeTransactions();
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
    void batchesHandedOverWhileTransactionsAreWrittenGoTogetherIntoTheNextOne() throws Exception {
        List<CompletableFuture<Void>> later = deliverWhileTheFirstAreHeld("a", "b", "c");

        for (CompletableFuture<Void> partition : later) {
            partition.get(30, TimeUnit.SECONDS);
        }

        Map<String, Long> transactions = probe.transactions();
        assertThat(transactions.get("a")).isEqualTo(transactions.get("b")).isEqualTo(transactions.get("c"));
        assertThat(transactions).as("the held ones and the group").hasSize(writing + 3);
        assertThat(Set.copyOf(transactions.values())).hasSize(writing + 1);
        assertThat(eventIds()).hasSize(2 * (writing + 3)).contains("pa-1", "pa-2", "pb-1", "pb-2", "pc-1", "pc-2");
        assertThat(checkpointedPartitions()).containsExactlyInAnyOrderElementsOf(transactions.keySet());
        assertThat(writer.waiting()).isZero();
    }

    @Test
    void aBatchThatFailsItsSharedTransactionIsWrittenAgainAloneAndFailsOnlyItsOwnPartition() throws Exception {
        probe.fail("b");
        List<CompletableFuture<Void>> later = deliverWhileTheFirstAreHeld("a", "b", "c");

        later.get(0).get(30, TimeUnit.SECONDS);
        assertThatThrownBy(() -> later.get(1).get(30, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .cause()
                .hasMessage("batch of partition b fails");
        later.get(2).get(30, TimeUnit.SECONDS);

        Map<String, Long> transactions = probe.transactions();
        assertThat(transactions.get("a"))
                .as("written again in a transaction of its own")
                .isNotEqualTo(transactions.get("c"));
        assertThat(eventIds()).hasSize(2 * (writing + 2)).contains("pa-1", "pa-2", "pc-1", "pc-2");
        assertThat(checkpointedPartitions())
                .hasSize(writing + 2)
                .contains("a", "c")
                .doesNotContain("b");
    }

    /**
     * Delivers batches of as many partitions as transactions may be written at a time and holds them in their
     * transactions until the batches of {@code later} are waiting for theirs; then lets them commit. Answers the
     * deliveries of {@code later}, in order.
     */
    private List<CompletableFuture<Void>> deliverWhileTheFirstAreHeld(String... later) throws Exception {
        Set<String> first =
                IntStream.range(0, writing).mapToObj(String::valueOf).collect(Collectors.toSet());
        probe.hold(first);
        List<CompletableFuture<Void>> held = first.stream().map(this::deliver).toList();
        probe.awaitHeld();
        List<CompletableFuture<Void>> delivered =
                Stream.of(later).map(this::deliver).toList();
        Instant giveUp = Instant.now().plusSeconds(30);
        while (writer.waiting() < later.length) {
            assertThat(Instant.now()).as("the later batches queue up").isBefore(giveUp);
            Thread.sleep(10);
        }
        probe.release();
        for (CompletableFuture<Void> partition : held) {
            partition.get(30, TimeUnit.SECONDS);
        }
        return delivered;
    }

    /**
     * Two events of a tenant and a day of their own, so that the held transactions do not wait on each other's
     * tenant or rollup rows.
     */
    private CompletableFuture<Void> deliver(String partitionId) {
        String day = "2026-11-" + (10 + Math.floorMod(partitionId.hashCode(), 19));
        TestPartition partition = new TestPartition(partitionId)
                .append(event(partitionId, 1, day))
                .append(event(partitionId, 2, day));
        EventBatchContext batch = partition.batchesAfter(null, 2, store).getFirst();
        return CompletableFuture.runAsync(() -> handler.accept(batch), partitions);
    }

    private static String event(String partitionId, int number, String day) {
        return record("p" + partitionId + "-" + number)
                .set("subscriptionName", "tenant-" + partitionId)
                .set("time", day + "T10:00:00Z")
                .json();
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
