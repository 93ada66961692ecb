package io.tokenledger.ingest.eventhubs;

import com.azure.messaging.eventhubs.models.PartitionContext;
import java.util.Objects;

/** One partition of one Event Hub as one consumer group reads it: the key of every Event Hubs table. */
record PartitionKey(String namespace, String eventHub, String consumerGroup, String partition) {

    PartitionKey {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(eventHub, "eventHub");
        Objects.requireNonNull(consumerGroup, "consumerGroup");
        Objects.requireNonNull(partition, "partition");
    }

    static PartitionKey of(PartitionContext context) {
        return new PartitionKey(
                context.getFullyQualifiedNamespace(),
                context.getEventHubName(),
                context.getConsumerGroup(),
                context.getPartitionId());
    }

    /** {@code <namespace>/<event hub>}: where a message came from, whichever consumer group read it. */
    String stream() {
        return namespace + "/" + eventHub;
    }
}
