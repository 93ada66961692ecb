package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.DEAD_LETTER;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.eventhubs.UsageRecord.record;
import static io.tokenledger.ingest.eventhubs.UsageRecord.withoutId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.azure.messaging.eventhubs.models.Checkpoint;
import io.tokenledger.db.jooq.tables.records.DeadLetterRecord;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.ingest.DeadLetters;
import io.tokenledger.ingest.format.UsagePayloadParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The batch callback with real {@code EventData} and {@code EventBatchContext} objects on real PostgreSQL. */
@EventHubsIntegrationTest
class EventBatchHandlerIT {

    private final PostgresCheckpointStore store;
    private final DeadLetters deadLetters;
    private final DSLContext dsl;
    private final EventBatchHandler handler;

    @Autowired
    EventBatchHandlerIT(
            PostgresCheckpointStore store,
            BatchWriter writer,
            UsagePayloadParser parser,
            DeadLetters deadLetters,
            DSLContext dsl) {
        this.store = store;
        this.deadLetters = deadLetters;
        this.dsl = dsl;
        this.handler = new EventBatchHandler(new EventBodyReader(parser), writer, Duration.ofSeconds(5));
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @Test
    void bodiesInEveryAcceptedFormatAreIngestedAndTheCheckpointIsTheLastEvent() {
        TestPartition partition = new TestPartition("0")
                .append(record("canonical").json())
                .append(UsageRecord.array(record("array-1"), record("array-2")))
                .append(UsageRecord.ndjson(record("ndjson-1"), record("ndjson-2")))
                .append(
                        UsageRecord.ndjson(record("typed-ndjson-1"), record("typed-ndjson-2"))
                                .getBytes(StandardCharsets.UTF_8),
                        "application/x-ndjson")
                .append(record(null).cloudEvent("cloud-event"))
                .append(UsageRecord.aiHub("ai-hub", 300, 50));

        deliverAll(partition);

        assertThat(eventIds())
                .containsExactlyInAnyOrder(
                        "canonical",
                        "array-1",
                        "array-2",
                        "ndjson-1",
                        "ndjson-2",
                        "typed-ndjson-1",
                        "typed-ndjson-2",
                        "cloud-event",
                        "ai-hub");
        assertThat(dsl.fetchCount(DEAD_LETTER)).isZero();
        assertThat(checkpoint("0").getSequenceNumber()).isEqualTo(partition.lastSequenceNumber());
        assertThat(dsl.select(USAGE_EVENT.SOURCE).from(USAGE_EVENT).fetchSet(USAGE_EVENT.SOURCE))
                .containsExactly("eventhubs");
        assertThat(dsl.select(USAGE_EVENT.PROMPT_TOKENS)
                        .from(USAGE_EVENT)
                        .where(USAGE_EVENT.EVENT_ID.eq("ai-hub"))
                        .fetchSingle()
                        .value1())
                .isEqualTo(300L);
    }

    @Test
    void recordsWithoutIdGetIdsFromTheirPositionSoARereadCountsOnce() {
        TestPartition partition = new TestPartition("3", 1200)
                .append(withoutId().json())
                .append(UsageRecord.ndjson(withoutId(), withoutId().tokens(5, 5), record("own-id")));

        deliverAll(partition);
        partition.batchesAfter(null, 1, store).forEach(handler);

        String position = "eventhubs:" + TestPartition.NAMESPACE + "/" + TestPartition.HUB + "/3/";
        assertThat(eventIds())
                .containsExactlyInAnyOrder(position + "1200", position + "1201/0", position + "1201/1", "own-id");
    }

    @Test
    void aPoisonMessageAmongGoodOnesBecomesADeadLetterAndProcessingGoesOn() {
        TestPartition partition = new TestPartition("1")
                .append(record("good-1").json())
                .append("{\"id\":\"broken\",\"time\":")
                .append(record("invalid").set("cachedPromptTokens", 5000).json())
                .append(new byte[] {(byte) 0xC3, (byte) 0x28}, null)
                .append("")
                .append(record("good-2").json());

        deliverAll(partition);

        assertThat(eventIds()).containsExactlyInAnyOrder("good-1", "good-2");
        List<DeadLetterRecord> letters = dsl.selectFrom(DEAD_LETTER)
                .orderBy(DEAD_LETTER.SOURCE_SEQUENCE_NUMBER)
                .fetch();
        assertThat(letters)
                .extracting(DeadLetterRecord::getSourcePartition, DeadLetterRecord::getSourceSequenceNumber)
                .containsExactly(tuple("1", 1L), tuple("1", 2L), tuple("1", 3L), tuple("1", 4L));
        assertThat(letters.get(0).getRawPayload()).isEqualTo("{\"id\":\"broken\",\"time\":");
        assertThat(letters.get(0).getReason())
                .contains("partition 1, sequence number 1")
                .contains("malformed JSON");
        assertThat(letters.get(1).getEventId()).isEqualTo("invalid");
        assertThat(letters.get(1).getField()).isEqualTo("cachedPromptTokens");
        assertThat(letters.get(2).getReason()).contains("UTF-8");
        assertThat(letters.get(3).getReason()).contains("empty");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(letter.getSource()).isEqualTo("eventhubs");
            assertThat(letter.getSourceStream()).isEqualTo(TestPartition.NAMESPACE + "/" + TestPartition.HUB);
        });
        assertThat(checkpoint("1").getSequenceNumber()).isEqualTo(5L);
    }

    @Test
    void aReplayedDeadLetterKeepsTheIdItsPositionGaveIt() {
        TestPartition partition =
                new TestPartition("4", 77).append(withoutId().set("requests", 0).json());
        deliverAll(partition);
        DeadLetterRecord letter = dsl.selectFrom(DEAD_LETTER).fetchSingle();
        String positionId = "eventhubs:" + TestPartition.NAMESPACE + "/" + TestPartition.HUB + "/4/77";
        assertThat(letter.getEventId()).isEqualTo(positionId);
        // the cause is fixed (here: as if the sender's record had been correct), then the dead letter is replayed
        dsl.update(DEAD_LETTER)
                .set(DEAD_LETTER.RAW_PAYLOAD, withoutId().json())
                .where(DEAD_LETTER.DEAD_LETTER_ID.eq(letter.getDeadLetterId()))
                .execute();

        assertThat(deadLetters.replay(letter.getDeadLetterId()).orElseThrow().replayed())
                .isTrue();

        assertThat(eventIds()).containsExactly(positionId);
        partition.batchesAfter(null, 1, store).forEach(handler);
        assertThat(eventIds()).as("the message read again counts once").containsExactly(positionId);
    }

    @Test
    void aReplayFromAnOlderCheckpointChangesNothingAndDoesNotMoveTheCheckpointBack() {
        TestPartition partition = new TestPartition("0");
        for (int i = 0; i < 25; i++) {
            partition.append(
                    i % 7 == 3
                            ? "not json " + i
                            : record("e" + i).tokens(100 + i, i).json());
        }
        deliverAll(partition);
        LedgerSnapshot once = LedgerSnapshot.of(dsl);

        // a processor that restarted from an older checkpoint (stale view, lost update) reads most of it again
        Checkpoint older = new Checkpoint().setSequenceNumber(4L);
        partition.batchesAfter(older, 6, store).forEach(handler);

        assertThat(LedgerSnapshot.of(dsl)).isEqualTo(once);
        assertThat(checkpoint("0").getSequenceNumber()).isEqualTo(24L);
    }

    @Test
    void anEmptyBatchRecordsTheLagButMovesNoCheckpoint() {
        TestPartition partition = new TestPartition("2").append(record("e1").json());

        handler.accept(partition.emptyBatch(store));

        assertThat(store.listCheckpoints(TestPartition.NAMESPACE, TestPartition.HUB, TestPartition.GROUP)
                        .collectList()
                        .block())
                .isEmpty();
        assertThat(dsl.fetchCount(USAGE_EVENT)).isZero();
    }

    private void deliverAll(TestPartition partition) {
        Checkpoint from = checkpointOrNull(partition.context().getPartitionId());
        partition.batchesAfter(from, 4, store).forEach(handler);
    }

    private Checkpoint checkpoint(String partition) {
        Checkpoint checkpoint = checkpointOrNull(partition);
        assertThat(checkpoint).as("checkpoint of partition %s", partition).isNotNull();
        return checkpoint;
    }

    private Checkpoint checkpointOrNull(String partition) {
        return store.listCheckpoints(TestPartition.NAMESPACE, TestPartition.HUB, TestPartition.GROUP)
                .filter(checkpoint -> checkpoint.getPartitionId().equals(partition))
                .blockFirst();
    }

    private List<String> eventIds() {
        return dsl.select(USAGE_EVENT.EVENT_ID).from(USAGE_EVENT).fetch(USAGE_EVENT.EVENT_ID);
    }
}
