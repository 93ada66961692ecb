package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.ingest.eventhubs.UsageRecord.record;
import static io.tokenledger.ingest.eventhubs.UsageRecord.withoutId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.messaging.eventhubs.models.Checkpoint;
import com.azure.messaging.eventhubs.models.EventBatchContext;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.ingest.format.UsagePayloadParser;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process dying at any step of a batch, or a partition resumed from an older checkpoint, leaves the ledger exactly
 * as one clean pass over the partition does: same events, same rollups and costs, same dead letters, same
 * checkpoint. The partition is re-read the way the SDK resumes it: from the checkpoint the store lists.
 */
@EventHubsIntegrationTest
class CrashRecoveryIT {

    private static final int BATCH = 5;

    private final PostgresCheckpointStore store;
    private final RateCards rateCards;
    private final CrashSwitch crash;
    private final DSLContext dsl;
    private final EventBatchHandler handler;

    @Autowired
    CrashRecoveryIT(
            PostgresCheckpointStore store,
            BatchWriter writer,
            UsagePayloadParser parser,
            RateCards rateCards,
            CrashSwitch crash,
            DSLContext dsl) {
        this.store = store;
        this.rateCards = rateCards;
        this.crash = crash;
        this.dsl = dsl;
        this.handler = new EventBatchHandler(new EventBodyReader(parser), writer, Duration.ofSeconds(5));
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @AfterEach
    void noCrashLeftArmed() {
        crash.off();
    }

    @ParameterizedTest
    @EnumSource(BatchStep.class)
    void aCrashAtAnyStepOfABatchLeavesTheLedgerAsOneCleanPass(BatchStep step) {
        TestPartition partition = partitionWithPoisonAndIdlessRecords();
        LedgerSnapshot clean = cleanPass(partition);

        // the third batch dies at the step; the SDK then resumes the partition from the stored checkpoint
        List<EventBatchContext> firstRun = partition.batchesAfter(null, BATCH, store);
        handler.accept(firstRun.get(0));
        handler.accept(firstRun.get(1));
        LedgerSnapshot beforeCrash = LedgerSnapshot.of(dsl);
        crash.crashAt(step);
        assertThatThrownBy(() -> handler.accept(firstRun.get(2))).isInstanceOf(CrashSwitch.SimulatedCrash.class);
        assertThat(LedgerSnapshot.of(dsl))
                .as("nothing of the crashed batch is visible")
                .isEqualTo(beforeCrash);

        resumeFromStoredCheckpoint(partition);

        assertThat(LedgerSnapshot.of(dsl)).isEqualTo(clean);
    }

    @Test
    void aCrashAfterTheCommitBeforeTheProcessorMovesOnReplaysIntoAnUnchangedLedger() {
        TestPartition partition = partitionWithPoisonAndIdlessRecords();
        LedgerSnapshot clean = cleanPass(partition);

        // the batch committed, but the instance died before it went on: whoever takes the partition over starts
        // from a checkpoint that may be older than the ledger (here: from the very beginning)
        partition.batchesAfter(null, BATCH, store).forEach(handler);
        partition.batchesAfter(new Checkpoint().setSequenceNumber(7L), 3, store).forEach(handler);

        assertThat(LedgerSnapshot.of(dsl)).isEqualTo(clean);
    }

    @Test
    void twoInstancesProcessingTheSamePartitionDuringARebalanceCountEverythingOnce() throws Exception {
        TestPartition partition = partitionWithPoisonAndIdlessRecords();
        LedgerSnapshot clean = cleanPass(partition);

        // the old owner has not noticed yet that it lost the partition; both deliver the same batches
        FutureTask<Void> old = new FutureTask<>(
                () -> partition.batchesAfter(null, BATCH, store).forEach(handler), null);
        Thread.ofVirtual().start(old);
        partition.batchesAfter(null, 3, store).forEach(handler);
        old.get(60, TimeUnit.SECONDS);

        assertThat(LedgerSnapshot.of(dsl)).isEqualTo(clean);
    }

    private LedgerSnapshot cleanPass(TestPartition partition) {
        TestDatabase.get().reset();
        publishRateCard();
        partition.batchesAfter(null, BATCH, store).forEach(handler);
        LedgerSnapshot clean = LedgerSnapshot.of(dsl);
        assertThat(clean.eventIds()).hasSize(17);
        assertThat(clean.deadLetters()).hasSize(2);
        TestDatabase.get().reset();
        publishRateCard();
        return clean;
    }

    private void resumeFromStoredCheckpoint(TestPartition partition) {
        Checkpoint stored = store.listCheckpoints(TestPartition.NAMESPACE, TestPartition.HUB, TestPartition.GROUP)
                .filter(checkpoint -> checkpoint.getPartitionId().equals("0"))
                .blockFirst();
        partition.batchesAfter(stored, BATCH, store).forEach(handler);
    }

    private void publishRateCard() {
        rateCards.publish(
                new NewRateCard(
                        "gpt-4o",
                        "USD",
                        LocalDate.parse("2026-01-01"),
                        new Prices(
                                new BigDecimal("2.50"),
                                new BigDecimal("1.25"),
                                new BigDecimal("10.00"),
                                new BigDecimal("10.00"))),
                "test");
    }

    /** 18 messages: 15 single records (one of them invalid), an NDJSON pair without ids, a malformed body. */
    private static TestPartition partitionWithPoisonAndIdlessRecords() {
        TestPartition partition = new TestPartition("0");
        for (int i = 0; i < 18; i++) {
            switch (i) {
                case 4 -> partition.append("{\"id\":\"truncated\"");
                case 9 ->
                    partition.append(UsageRecord.ndjson(
                            withoutId().tokens(70, 7), withoutId().tokens(80, 8)));
                case 12 ->
                    partition.append(record("negative").set("promptTokens", -1).json());
                default ->
                    partition.append(record("e" + i).tokens(1000 + i, 100 + i).json());
            }
        }
        return partition;
    }
}
