package io.tokenledger.ingest.eventhubs;

import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.eventhubs.UsageRecord.record;
import static io.tokenledger.ingest.eventhubs.UsageRecord.withoutId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.EventDataBatch;
import com.azure.messaging.eventhubs.EventHubClientBuilder;
import com.azure.messaging.eventhubs.EventHubProducerClient;
import com.azure.messaging.eventhubs.EventProcessorClient;
import com.azure.messaging.eventhubs.models.PartitionOwnership;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.ingest.IngestProperties;
import io.tokenledger.ingest.format.UsagePayloadParser;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.testcontainers.azure.AzuriteContainer;
import org.testcontainers.azure.EventHubsEmulatorContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The whole consumer against the Event Hubs emulator: two processors (two TokenLedger instances) built as production
 * builds them share a 4-partition hub through the PostgreSQL checkpoint store; when one stops, the other takes its
 * partitions over, and every event is in the ledger once. Needs Docker; without it JUnit reports the class as
 * skipped (the other tests in this package prove the behaviour on the SDK's types and real PostgreSQL).
 */
@Testcontainers(disabledWithoutDocker = true)
@EventHubsIntegrationTest
class EventHubsEmulatorIT {

    private static final String HUB = "usage";
    private static final String GROUP = "tokenledger";
    private static final String CONFIG = """
            {"UserConfig": {
              "NamespaceConfig": [{"Type": "EventHub", "Name": "emulatorNs1", "Entities": [
                {"Name": "usage", "PartitionCount": "4", "ConsumerGroups": [{"Name": "tokenledger"}]}]}],
              "LoggingConfig": {"Type": "File"}}}
            """;

    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final AzuriteContainer AZURITE =
            new AzuriteContainer("mcr.microsoft.com/azure-storage/azurite:3.35.0").withNetwork(NETWORK);

    @Container
    static final EventHubsEmulatorContainer EMULATOR = new EventHubsEmulatorContainer(
                    "mcr.microsoft.com/azure-messaging/eventhubs-emulator:2.1.0")
            .acceptLicense()
            .withNetwork(NETWORK)
            .withAzuriteContainer(AZURITE)
            .withConfig(Transferable.of(CONFIG));

    private final PostgresCheckpointStore store;
    private final BatchWriter writer;
    private final UsagePayloadParser parser;
    private final DSLContext dsl;

    @Autowired
    EventHubsEmulatorIT(PostgresCheckpointStore store, BatchWriter writer, UsagePayloadParser parser, DSLContext dsl) {
        this.store = store;
        this.writer = writer;
        this.parser = parser;
        this.dsl = dsl;
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @Test
    void twoInstancesShareThePartitionsAndTheSurvivorTakesOverWithEveryEventCountedOnce() {
        IngestProperties.EventHubs settings = new IngestProperties.EventHubs(
                EMULATOR.getConnectionString(),
                null,
                HUB,
                GROUP,
                100,
                Duration.ofMillis(500),
                "earliest",
                Duration.ofSeconds(2),
                Duration.ofSeconds(6),
                Duration.ofMinutes(1),
                2);
        EventProcessorClient first = processor(settings);
        EventProcessorClient second = processor(settings);
        try (EventHubProducerClient producer = new EventHubClientBuilder()
                .connectionString(EMULATOR.getConnectionString(), HUB)
                .buildProducerClient()) {
            first.start();
            second.start();
            send(producer, 0, 200);

            await().atMost(Duration.ofSeconds(90)).until(() -> dsl.fetchCount(USAGE_EVENT) == 200);
            await().atMost(Duration.ofSeconds(60)).until(() -> owners().size() == 2);

            first.stop();
            send(producer, 200, 100);

            await().atMost(Duration.ofSeconds(90)).until(() -> dsl.fetchCount(USAGE_EVENT) == 300);
            await().atMost(Duration.ofSeconds(60)).until(() -> owners().equals(Set.of(second.getIdentifier())));
        } finally {
            first.stop();
            second.stop();
        }
        assertThat(dsl.fetchSingle("select sum(requests) from usage_daily").get(0, Long.class))
                .isEqualTo(300L);
    }

    private EventProcessorClient processor(IngestProperties.EventHubs settings) {
        EventBatchHandler handler = new EventBatchHandler(new EventBodyReader(parser), writer, settings.databaseWait());
        return ProcessorClients.create(settings, EventHubsTarget.of(settings), store, handler, error -> {});
    }

    private Set<String> owners() {
        EventHubsTarget target = EventHubsTarget.of(new IngestProperties.EventHubs(
                EMULATOR.getConnectionString(),
                null,
                HUB,
                GROUP,
                100,
                Duration.ofSeconds(1),
                "earliest",
                Duration.ofSeconds(2),
                Duration.ofSeconds(6),
                Duration.ofMinutes(1),
                2));
        List<PartitionOwnership> ownerships = store.listOwnership(target.namespace(), HUB, GROUP)
                .collectList()
                .block();
        return ownerships.stream()
                .map(PartitionOwnership::getOwnerId)
                .filter(owner -> !owner.isEmpty())
                .collect(Collectors.toSet());
    }

    /** Events {@code from} … {@code from + count - 1}; every tenth without an id, as a policy without one sends. */
    private static void send(EventHubProducerClient producer, int from, int count) {
        EventDataBatch batch = producer.createBatch();
        for (int i = from; i < from + count; i++) {
            String body =
                    i % 10 == 0 ? withoutId().json() : record("emulator-" + i).json();
            if (!batch.tryAdd(new EventData(body))) {
                producer.send(batch);
                batch = producer.createBatch();
                batch.tryAdd(new EventData(body));
            }
        }
        producer.send(batch);
    }
}
