package io.tokenledger.ingest.eventhubs;

import java.time.Instant;
import java.util.List;

/**
 * The ingestion status page's data: each source with its recent activity and, for Event Hubs, each partition.
 *
 * @param at when the figures were read
 */
public record IngestStatusReport(Instant at, List<SourceStatus> sources) {

    public IngestStatusReport {
        sources = List.copyOf(sources);
    }

    /**
     * One source.
     *
     * @param source {@code http} or {@code eventhubs}
     * @param enabled whether this instance takes input from it
     * @param detail what it reads (for Event Hubs namespace, hub and consumer group), or how to turn it on
     * @param lastEventAt when its newest events were stored; null when none yet
     * @param eventsPerMinute events stored in the last minute
     * @param deadLettersLastHour input from it rejected in the last hour
     * @param partitions Event Hubs partitions (any instance's), in partition order; empty for other sources
     */
    public record SourceStatus(
            String source,
            boolean enabled,
            String detail,
            Instant lastEventAt,
            long eventsPerMinute,
            long deadLettersLastHour,
            List<PartitionStatus> partitions) {

        public SourceStatus {
            partitions = List.copyOf(partitions);
        }
    }

    /**
     * One Event Hubs partition.
     *
     * @param owner the processor (TokenLedger instance) that owns it, or null when nobody does
     * @param ownershipRenewedAt when its owner last claimed or renewed it
     * @param lastEventAt when a batch with events from it was last committed
     * @param lastEventEnqueuedAt when the newest processed event was enqueued in Event Hubs
     * @param checkpointSequenceNumber sequence number of the last event in the ledger; null before the first batch
     * @param checkpointOffset that event's offset
     * @param checkpointAt when the checkpoint was written
     * @param lag events enqueued in the partition after the checkpoint, as the SDK last reported the partition's
     *     newest event; null when not reported yet
     * @param lagAt when the SDK reported it
     */
    public record PartitionStatus(
            String namespace,
            String eventHub,
            String consumerGroup,
            String partition,
            String owner,
            Instant ownershipRenewedAt,
            Instant lastEventAt,
            Instant lastEventEnqueuedAt,
            Long checkpointSequenceNumber,
            String checkpointOffset,
            Instant checkpointAt,
            long eventsPerMinute,
            Long lag,
            Instant lagAt,
            long deadLettersLastHour) {}
}
