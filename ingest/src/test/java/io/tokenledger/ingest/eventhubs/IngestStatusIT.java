package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.ingest.eventhubs.UsageRecord.record;
import static org.assertj.core.api.Assertions.assertThat;

import com.azure.messaging.eventhubs.models.PartitionOwnership;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.eventhubs.IngestStatusReport.PartitionStatus;
import io.tokenledger.ingest.eventhubs.IngestStatusReport.SourceStatus;
import io.tokenledger.ingest.format.UsagePayloadParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the ingestion status shows after real batches: per partition and for the HTTP source. */
@EventHubsIntegrationTest
class IngestStatusIT {

    private final IngestStatus status;
    private final PostgresCheckpointStore store;
    private final IngestPipeline pipeline;
    private final UsagePayloadParser parser;
    private final EventBatchHandler handler;

    @Autowired
    IngestStatusIT(
            IngestStatus status,
            PostgresCheckpointStore store,
            BatchWriter writer,
            IngestPipeline pipeline,
            UsagePayloadParser parser) {
        this.status = status;
        this.store = store;
        this.pipeline = pipeline;
        this.parser = parser;
        this.handler = new EventBatchHandler(new EventBodyReader(parser), writer, Duration.ofSeconds(5));
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @Test
    void partitionsShowCheckpointRateLagOwnerAndDeadLetters() {
        TestPartition zero = new TestPartition("0");
        for (int i = 0; i < 12; i++) {
            zero.append(i == 5 ? "{oops" : record("p0-" + i).json());
        }
        TestPartition ten = new TestPartition("10").append(record("p10-0").json());
        store.claimOwnership(List.of(new PartitionOwnership()
                        .setFullyQualifiedNamespace(TestPartition.NAMESPACE)
                        .setEventHubName(TestPartition.HUB)
                        .setConsumerGroup(TestPartition.GROUP)
                        .setPartitionId("0")
                        .setOwnerId("processor-a")))
                .blockLast();
        Instant before = Instant.now();

        // partition 0: the first 8 events are in, the newest reported is sequence number 11
        handler.accept(zero.batch(0, 8, store));
        handler.accept(ten.batch(0, 1, store));

        SourceStatus eventHubs = source("eventhubs");
        assertThat(eventHubs.enabled()).isFalse();
        assertThat(eventHubs.detail()).contains("tokenledger.ingest.eventhubs.connection-string");
        assertThat(eventHubs.partitions())
                .extracting(PartitionStatus::partition)
                .containsExactly("0", "10");
        PartitionStatus p0 = eventHubs.partitions().getFirst();
        assertThat(p0.owner()).isEqualTo("processor-a");
        assertThat(p0.checkpointSequenceNumber()).isEqualTo(7L);
        assertThat(p0.checkpointOffset()).isEqualTo(String.valueOf(7 * 1024));
        assertThat(p0.checkpointAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(p0.lag()).isEqualTo(4L);
        assertThat(p0.eventsPerMinute()).isEqualTo(8);
        assertThat(p0.deadLettersLastHour()).isEqualTo(1);
        assertThat(p0.lastEventAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(p0.lastEventEnqueuedAt()).isEqualTo(Instant.parse("2026-11-03T10:00:07Z"));
        PartitionStatus p10 = eventHubs.partitions().get(1);
        assertThat(p10.owner()).isNull();
        assertThat(p10.lag()).isZero();
        assertThat(eventHubs.eventsPerMinute()).isEqualTo(9);
        assertThat(eventHubs.deadLettersLastHour()).isEqualTo(1);

        handler.accept(zero.batch(8, 12, store));
        PartitionStatus caughtUp = source("eventhubs").partitions().getFirst();
        assertThat(caughtUp.lag()).isZero();
        assertThat(caughtUp.eventsPerMinute()).isEqualTo(12);
    }

    @Test
    void httpSourceShowsItsLastEventAndRate() {
        assertThat(source("http").lastEventAt()).isNull();
        Instant before = Instant.now();

        pipeline.ingest(
                "http",
                parser.parse(
                        UsageRecord.ndjson(
                                        record("h1"), record("h2"), record("h3").set("deployment", ""))
                                .getBytes(StandardCharsets.UTF_8),
                        "application/x-ndjson"));

        SourceStatus http = source("http");
        assertThat(http.enabled()).isTrue();
        assertThat(http.lastEventAt()).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(http.eventsPerMinute()).isEqualTo(2);
        assertThat(http.deadLettersLastHour()).isEqualTo(1);
        assertThat(http.partitions()).isEmpty();
    }

    /**
     * The report as of the start of the current minute, which holds the minute the batches were counted in or the one
     * before: either way a rate of the last 60 seconds is all of them, while a report taken a moment after a minute
     * turned would count only the share of the previous minute still inside the last 60 seconds.
     */
    private SourceStatus source(String name) {
        return status.report(Instant.now().truncatedTo(ChronoUnit.MINUTES)).sources().stream()
                .filter(source -> source.source().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
