package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.ingest.eventhubs.UsageRecord.record;
import static io.tokenledger.ingest.eventhubs.UsageRecord.withoutId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tokenledger.ingest.NewDeadLetter;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.UsagePayloadParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading message bodies: ids from positions, content types, one bad line among good ones. */
class EventBodyReaderTest {

    private static final UntouchedCheckpointStore STORE = new UntouchedCheckpointStore();

    private final EventBodyReader reader = new EventBodyReader(new UsagePayloadParser(32));

    @Test
    void aRecordWithoutIdGetsOneFromNamespaceHubPartitionAndSequenceNumber() {
        TestPartition partition = new TestPartition("7", 500).append(withoutId().json());

        PartitionBatch batch = reader.read(partition.batch(0, 1, STORE));

        assertThat(ids(batch)).containsExactly("eventhubs:tokenledger-test.servicebus.windows.net/usage/7/500");
        assertThat(batch.last().sequenceNumber()).isEqualTo(500L);
        assertThat(batch.last().offset()).isEqualTo(String.valueOf(500 * 1024));
    }

    @Test
    void recordsOfAMultiRecordBodyAreNumberedAndOwnIdsWin() {
        TestPartition partition =
                new TestPartition("0", 9).append(UsageRecord.array(withoutId(), record("mine"), withoutId()));

        PartitionBatch batch = reader.read(partition.batch(0, 1, STORE));

        String base = "eventhubs:tokenledger-test.servicebus.windows.net/usage/0/9/";
        assertThat(ids(batch)).containsExactly(base + "0", "mine", base + "2");
    }

    @Test
    void aCloudEventsIdIsTheRecordsId() {
        TestPartition partition = new TestPartition("0").append(withoutId().cloudEvent("ce-1"));

        assertThat(ids(reader.read(partition.batch(0, 1, STORE)))).containsExactly("ce-1");
    }

    @Test
    void ndjsonWithoutContentTypeLosesOnlyItsBadLine() {
        String body = record("a").json() + "\n{not json\n" + record("b").json() + "\n";
        TestPartition partition = new TestPartition("0").append(body);

        PartitionBatch batch = reader.read(partition.batch(0, 1, STORE));

        assertThat(ids(batch)).containsExactly("a", "b");
        assertThat(batch.rejected()).singleElement().satisfies(letter -> {
            assertThat(letter.index()).isEqualTo(1);
            assertThat(letter.raw()).isEqualTo("{not json");
            assertThat(letter.sequenceNumber()).isZero();
        });
    }

    @Test
    void anUnknownContentTypeIsReadAsJsonAndAKnownOneIsHonoured() {
        TestPartition partition = new TestPartition("0")
                .append(record("plain").json().getBytes(StandardCharsets.UTF_8), "text/plain")
                .append(withoutId().cloudEvent("ce").getBytes(StandardCharsets.UTF_8), "application/cloudevents+json")
                .append(
                        record("not-a-cloud-event").json().getBytes(StandardCharsets.UTF_8),
                        "application/cloudevents+json");

        PartitionBatch batch = reader.read(partition.batch(0, 3, STORE));

        assertThat(ids(batch)).containsExactly("plain", "ce");
        assertThat(batch.rejected())
                .extracting(NewDeadLetter::field, NewDeadLetter::sequenceNumber)
                .containsExactly(tuple("specversion", 2L));
    }

    @Test
    void anEmptyBatchHasNoCheckpointButTheNewestEvent() {
        TestPartition partition = new TestPartition("0").append(record("a").json());

        PartitionBatch batch = reader.read(partition.emptyBatch(STORE));

        assertThat(batch.events()).isZero();
        assertThat(batch.last()).isNull();
        assertThat(batch.newest().sequenceNumber()).isZero();
    }

    private static List<String> ids(PartitionBatch batch) {
        return batch.records().stream()
                .map(record -> ((ParsedRecord.Valid) record).event().id())
                .toList();
    }
}
