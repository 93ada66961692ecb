package io.tokenledger.ingest.eventhubs;

import com.azure.messaging.eventhubs.EventProcessorClient;
import com.azure.messaging.eventhubs.models.ErrorContext;
import io.tokenledger.ingest.IngestProperties;
import io.tokenledger.ingest.format.UsagePayloadParser;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the Event Hubs processor while the application runs, when {@code tokenledger.ingest.eventhubs.*} names a
 * hub; otherwise says once that Event Hubs ingestion is off and how to turn it on. Several instances against the
 * same database share the partitions through the SDK's load balancer over {@link PostgresCheckpointStore}.
 */
@Component
class EventHubsConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventHubsConsumer.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final IngestProperties.EventHubs settings;
    private final PostgresCheckpointStore checkpointStore;
    private final EventBatchHandler handler;
    private volatile EventProcessorClient processor;
    private volatile boolean running;

    EventHubsConsumer(
            IngestProperties properties,
            PostgresCheckpointStore checkpointStore,
            BatchWriter writer,
            UsagePayloadParser parser) {
        this.settings = properties.eventhubs();
        this.checkpointStore = checkpointStore;
        this.handler = new EventBatchHandler(new EventBodyReader(parser), writer, settings.databaseWait());
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            log.info(
                    "Event Hubs ingestion is off. To turn it on set tokenledger.ingest.eventhubs.connection-string"
                            + " (or tokenledger.ingest.eventhubs.fully-qualified-namespace to sign in with"
                            + " DefaultAzureCredential) and tokenledger.ingest.eventhubs.event-hub-name; see docs/eventhubs.md");
            running = true;
            return;
        }
        EventHubsTarget target = EventHubsTarget.of(settings);
        processor = ProcessorClients.create(settings, target, checkpointStore, handler, this::onError);
        processor.start();
        running = true;
        log.info(
                "Event Hubs ingestion is on: {} / {}, consumer group {}, batches of up to {} events,"
                        + " start position for partitions without a checkpoint: {} (processor {})",
                target.namespace(),
                target.eventHub(),
                target.consumerGroup(),
                settings.batchSize(),
                settings.startPosition(),
                processor.getIdentifier());
    }

    @Override
    public void stop() {
        handler.stop();
        EventProcessorClient current = processor;
        if (current != null) {
            current.stop(STOP_TIMEOUT);
            processor = null;
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void onError(ErrorContext context) {
        String partition = context.getPartitionContext() == null
                ? "-"
                : context.getPartitionContext().getPartitionId();
        log.warn(
                "Event Hubs processor error (partition {}): {}",
                partition,
                context.getThrowable().toString(),
                context.getThrowable());
    }
}
