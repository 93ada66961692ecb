package io.tokenledger.ingest.eventhubs;

import com.azure.messaging.eventhubs.models.EventHubConnectionStringProperties;
import io.tokenledger.ingest.IngestProperties;

/** The hub TokenLedger is configured to read: namespace, hub and consumer group, however they were given. */
record EventHubsTarget(String namespace, String eventHub, String consumerGroup) {

    /** The configured hub; the settings must be {@link IngestProperties.EventHubs#enabled() enabled}. */
    static EventHubsTarget of(IngestProperties.EventHubs settings) {
        if (settings.connectionString() == null) {
            return new EventHubsTarget(
                    settings.fullyQualifiedNamespace(), settings.eventHubName(), settings.consumerGroup());
        }
        EventHubConnectionStringProperties parsed;
        try {
            parsed = EventHubConnectionStringProperties.parse(settings.connectionString());
        } catch (RuntimeException e) {
            // the SDK's message may quote the connection string, and with it the key: do not pass it on
            throw new IllegalStateException("tokenledger.ingest.eventhubs.connection-string is not a valid Event Hubs"
                    + " connection string (Endpoint=sb://<namespace>.servicebus.windows.net/;SharedAccessKeyName=…;"
                    + "SharedAccessKey=…[;EntityPath=<hub>])");
        }
        String hub = settings.eventHubName() != null ? settings.eventHubName() : parsed.getEntityPath();
        if (parsed.getEntityPath() != null
                && settings.eventHubName() != null
                && !parsed.getEntityPath().equals(settings.eventHubName())) {
            throw new IllegalStateException("tokenledger.ingest.eventhubs.event-hub-name (" + settings.eventHubName()
                    + ") differs from the EntityPath of tokenledger.ingest.eventhubs.connection-string ("
                    + parsed.getEntityPath() + "); leave one of them out");
        }
        return new EventHubsTarget(parsed.getFullyQualifiedNamespace(), hub, settings.consumerGroup());
    }
}
