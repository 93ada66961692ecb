package io.tokenledger.ingest.eventhubs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.messaging.eventhubs.EventProcessorClient;
import com.azure.messaging.eventhubs.models.EventPosition;
import io.tokenledger.ingest.IngestProperties;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * {@code tokenledger.ingest.eventhubs.*}: wrong settings stop the start with the property's name; right ones build
 * a processor client (building connects to nothing).
 */
class EventHubsSettingsTest {

    private static final String CONNECTION_STRING = "Endpoint=sb://tl-test.servicebus.windows.net/;"
            + "SharedAccessKeyName=listen;SharedAccessKey=c2VjcmV0LWtleS1mb3ItdGVzdHM=";

    @Test
    void nothingConfiguredMeansOff() {
        assertThat(settings(null, null, null).enabled()).isFalse();
    }

    @Test
    void aHubWithoutConnectionNamesBothWaysToConnect() {
        assertThatThrownBy(() -> settings(null, null, "usage"))
                .hasMessageContaining("tokenledger.ingest.eventhubs.connection-string")
                .hasMessageContaining("tokenledger.ingest.eventhubs.fully-qualified-namespace");
    }

    @Test
    void aConnectionWithoutHubAsksForTheHubName() {
        assertThatThrownBy(() -> settings(CONNECTION_STRING, null, null))
                .hasMessageContaining("tokenledger.ingest.eventhubs.event-hub-name");
        assertThat(settings(CONNECTION_STRING + ";EntityPath=usage", null, null).enabled())
                .isTrue();
    }

    @Test
    void connectionStringAndNamespaceTogetherAreRefused() {
        assertThatThrownBy(() -> settings(CONNECTION_STRING, "tl-test.servicebus.windows.net", "usage"))
                .hasMessageContaining("either");
    }

    @Test
    void aNamespaceMustBeAHostName() {
        assertThatThrownBy(() -> settings(null, "sb://tl-test.servicebus.windows.net/", "usage"))
                .hasMessageContaining("tokenledger.ingest.eventhubs.fully-qualified-namespace");
    }

    @Test
    void startPositionIsEarliestLatestOrATime() {
        assertThat(ProcessorClients.startPosition(withStart("earliest"))).isEqualTo(EventPosition.earliest());
        assertThat(ProcessorClients.startPosition(withStart("LATEST"))).isEqualTo(EventPosition.latest());
        assertThat(ProcessorClients.startPosition(withStart("2026-11-01T00:00:00+01:00")))
                .isEqualTo(EventPosition.fromEnqueuedTime(Instant.parse("2026-10-31T23:00:00Z")));
        assertThatThrownBy(() -> withStart("yesterday"))
                .hasMessageContaining("tokenledger.ingest.eventhubs.start-position");
    }

    @Test
    void batchSizeAndIntervalsAreChecked() {
        assertThatThrownBy(() -> withLimits(0, Duration.ofSeconds(10), Duration.ofMinutes(1), 2))
                .hasMessageContaining("tokenledger.ingest.eventhubs.batch-size");
        assertThatThrownBy(() -> withLimits(100, Duration.ofSeconds(30), Duration.ofSeconds(40), 2))
                .hasMessageContaining("tokenledger.ingest.eventhubs.ownership-expiration");
        assertThatThrownBy(() -> withLimits(500, Duration.ofSeconds(10), Duration.ofMinutes(1), 0))
                .hasMessageContaining("tokenledger.ingest.eventhubs.write-transactions");
    }

    @Test
    void theConnectionStringStaysOutOfTheSettingsText() {
        assertThat(settings(CONNECTION_STRING, null, "usage").toString()).doesNotContain("SharedAccessKey");
    }

    @Test
    void aProcessorIsBuiltFromAConnectionStringWithoutConnecting() {
        IngestProperties.EventHubs settings = settings(CONNECTION_STRING + ";EntityPath=usage", null, null);
        EventHubsTarget target = EventHubsTarget.of(settings);

        EventProcessorClient client =
                ProcessorClients.create(settings, target, new UntouchedCheckpointStore(), batch -> {}, error -> {});

        assertThat(target).isEqualTo(new EventHubsTarget("tl-test.servicebus.windows.net", "usage", "$Default"));
        assertThat(client.isRunning()).isFalse();
        assertThat(client.getIdentifier()).isNotBlank();
    }

    @Test
    void aProcessorIsBuiltForDefaultAzureCredentialWithoutSigningIn() {
        IngestProperties.EventHubs settings = settings(null, "tl-test.servicebus.windows.net", "usage");

        EventProcessorClient client = ProcessorClients.create(
                settings, EventHubsTarget.of(settings), new UntouchedCheckpointStore(), batch -> {}, error -> {});

        assertThat(client.isRunning()).isFalse();
    }

    @Test
    void aHubNameThatContradictsTheEntityPathIsRefused() {
        IngestProperties.EventHubs settings = settings(CONNECTION_STRING + ";EntityPath=usage", null, "other");

        assertThatThrownBy(() -> EventHubsTarget.of(settings))
                .hasMessageContaining("tokenledger.ingest.eventhubs.event-hub-name")
                .hasMessageNotContaining("SharedAccessKey=");
    }

    private static IngestProperties.EventHubs withLimits(
            int batchSize, Duration loadBalancingInterval, Duration ownershipExpiration, int writeTransactions) {
        return new IngestProperties.EventHubs(
                null,
                null,
                null,
                "$Default",
                batchSize,
                Duration.ofSeconds(1),
                "earliest",
                loadBalancingInterval,
                ownershipExpiration,
                Duration.ofMinutes(5),
                writeTransactions);
    }

    private static IngestProperties.EventHubs withStart(String start) {
        return new IngestProperties.EventHubs(
                null,
                null,
                null,
                "$Default",
                500,
                Duration.ofSeconds(1),
                start,
                Duration.ofSeconds(10),
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                2);
    }

    private static IngestProperties.EventHubs settings(String connectionString, String namespace, String hub) {
        return new IngestProperties.EventHubs(
                connectionString,
                namespace,
                hub,
                "$Default",
                500,
                Duration.ofSeconds(1),
                "earliest",
                Duration.ofSeconds(10),
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                2);
    }
}
