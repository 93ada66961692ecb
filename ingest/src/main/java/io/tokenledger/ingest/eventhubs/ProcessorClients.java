package io.tokenledger.ingest.eventhubs;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.messaging.eventhubs.CheckpointStore;
import com.azure.messaging.eventhubs.EventProcessorClient;
import com.azure.messaging.eventhubs.EventProcessorClientBuilder;
import com.azure.messaging.eventhubs.models.ErrorContext;
import com.azure.messaging.eventhubs.models.EventBatchContext;
import com.azure.messaging.eventhubs.models.EventPosition;
import io.tokenledger.ingest.IngestProperties;
import java.time.OffsetDateTime;
import java.util.function.Consumer;

/** Builds the SDK's {@link EventProcessorClient} from {@code tokenledger.ingest.eventhubs.*}. */
final class ProcessorClients {

    private static final int MAX_PREFETCH = 8000;

    private ProcessorClients() {}

    /** A configured, not yet started processor; building it opens no connection. */
    static EventProcessorClient create(
            IngestProperties.EventHubs settings,
            EventHubsTarget target,
            CheckpointStore checkpointStore,
            Consumer<EventBatchContext> batches,
            Consumer<ErrorContext> errors) {
        EventProcessorClientBuilder builder = new EventProcessorClientBuilder();
        if (settings.connectionString() != null) {
            builder.connectionString(settings.connectionString(), target.eventHub());
        } else {
            builder.fullyQualifiedNamespace(target.namespace())
                    .eventHubName(target.eventHub())
                    .credential(new DefaultAzureCredentialBuilder().build());
        }
        EventPosition start = startPosition(settings);
        return builder.consumerGroup(settings.consumerGroup())
                .checkpointStore(checkpointStore)
                .processEventBatch(batches, settings.batchSize(), settings.maxWaitTime())
                .processError(errors)
                .initialPartitionEventPosition(partition -> start)
                .trackLastEnqueuedEventProperties(true)
                // two batches in flight per partition keep the database busy while the next one arrives
                .prefetchCount(Math.min(MAX_PREFETCH, Math.max(500, settings.batchSize() * 2)))
                .loadBalancingUpdateInterval(settings.loadBalancingInterval())
                .partitionOwnershipExpirationInterval(settings.ownershipExpiration())
                .buildEventProcessorClient();
    }

    static EventPosition startPosition(IngestProperties.EventHubs settings) {
        OffsetDateTime time = settings.startTime();
        if (time != null) {
            return EventPosition.fromEnqueuedTime(time.toInstant());
        }
        return "latest".equals(settings.startPosition()) ? EventPosition.latest() : EventPosition.earliest();
    }
}
