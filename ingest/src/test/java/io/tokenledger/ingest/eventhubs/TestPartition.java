package io.tokenledger.ingest.eventhubs;

import com.azure.messaging.eventhubs.CheckpointStore;
import com.azure.messaging.eventhubs.EventData;
import com.azure.messaging.eventhubs.models.Checkpoint;
import com.azure.messaging.eventhubs.models.EventBatchContext;
import com.azure.messaging.eventhubs.models.LastEnqueuedEventProperties;
import com.azure.messaging.eventhubs.models.PartitionContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One Event Hubs partition's retained events, and the batches the processor would deliver from it: from a
 * checkpoint on (exclusive, as the SDK resumes), in batches of a given size, each with the partition's newest event
 * as {@code trackLastEnqueuedEventProperties} reports it.
 */
final class TestPartition {

    static final String NAMESPACE = "tokenledger-test.servicebus.windows.net";
    static final String HUB = "usage";
    static final String GROUP = "$Default";

    private final PartitionContext context;
    private final List<EventData> events = new ArrayList<>();
    private final long firstSequenceNumber;

    TestPartition(String partitionId) {
        this(partitionId, 0);
    }

    /** A partition whose oldest retained event has {@code firstSequenceNumber}, as after retention trimmed it. */
    TestPartition(String partitionId, long firstSequenceNumber) {
        this.context = new PartitionContext(NAMESPACE, HUB, GROUP, partitionId);
        this.firstSequenceNumber = firstSequenceNumber;
    }

    PartitionContext context() {
        return context;
    }

    PartitionKey key() {
        return PartitionKey.of(context);
    }

    TestPartition append(String body) {
        return append(body.getBytes(StandardCharsets.UTF_8), null);
    }

    TestPartition append(byte[] body, String contentType) {
        events.add(ReceivedEvents.received(firstSequenceNumber + events.size(), body, contentType));
        return this;
    }

    long lastSequenceNumber() {
        return firstSequenceNumber + events.size() - 1;
    }

    /** Everything after {@code checkpoint} (all of it when null), in batches of at most {@code size}. */
    List<EventBatchContext> batchesAfter(Checkpoint checkpoint, int size, CheckpointStore store) {
        long from = checkpoint == null ? firstSequenceNumber : checkpoint.getSequenceNumber() + 1;
        List<EventBatchContext> batches = new ArrayList<>();
        int start = (int) (from - firstSequenceNumber);
        for (int i = start; i < events.size(); i += size) {
            batches.add(batch(i, Math.min(events.size(), i + size), store));
        }
        return batches;
    }

    /** The events with indexes {@code from} (inclusive) to {@code to} (exclusive) as one batch. */
    EventBatchContext batch(int from, int to, CheckpointStore store) {
        return new EventBatchContext(context, List.copyOf(events.subList(from, to)), store, newest());
    }

    /** A batch after the wait time passed without events. */
    EventBatchContext emptyBatch(CheckpointStore store) {
        return new EventBatchContext(context, List.of(), store, newest());
    }

    private LastEnqueuedEventProperties newest() {
        if (events.isEmpty()) {
            return null;
        }
        EventData last = events.getLast();
        return new LastEnqueuedEventProperties(
                last.getSequenceNumber(), last.getOffsetString(), last.getEnqueuedTime(), Instant.now());
    }
}
