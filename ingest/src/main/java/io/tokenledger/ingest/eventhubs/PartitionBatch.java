package io.tokenledger.ingest.eventhubs;

import io.tokenledger.ingest.NewDeadLetter;
import io.tokenledger.ingest.format.ParsedRecord;
import java.time.Instant;
import java.util.List;

/**
 * One batch of one partition, read and ready to be written in one transaction.
 *
 * @param records the valid usage records of every message in the batch, in partition order
 * @param rejected the messages and records that could not be understood, with their positions
 * @param events how many messages the batch held (0 when the wait time passed without any)
 * @param last the batch's last message: the checkpoint once the batch is committed; null for an empty batch
 * @param newest the partition's newest event as the SDK last reported it (for the lag); null when unknown
 */
record PartitionBatch(
        PartitionKey partition,
        List<ParsedRecord> records,
        List<NewDeadLetter> rejected,
        int events,
        StreamPosition last,
        Newest newest) {

    PartitionBatch {
        records = List.copyOf(records);
        rejected = List.copyOf(rejected);
    }

    /** The newest event in the partition, and when the SDK learnt of it. */
    record Newest(Long sequenceNumber, Instant enqueuedTime, Instant retrievedAt) {}
}
