package io.tokenledger.ingest.eventhubs;

import io.tokenledger.ingest.DeadLetters;
import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.NewDeadLetter;
import io.tokenledger.ingest.format.ParsedRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes partition batches in one transaction: their usage through the ingest pipeline in one pass (which joins this
 * transaction), their dead letters, and each partition's checkpoint and status row. Either all of it commits or none
 * of it, so a checkpoint never runs ahead of the ledger; and since usage ids are unique and dead letters are unique
 * per position, writing a batch again (after a crash, a rebalance, a replay from an older checkpoint) changes
 * nothing.
 */
@Service
class BatchTransaction {

    private final IngestPipeline pipeline;
    private final DeadLetters deadLetters;
    private final CheckpointRepository checkpoints;
    private final PartitionStatusRepository status;
    private final List<BatchStepListener> steps;
    private final Clock clock;

    BatchTransaction(
            IngestPipeline pipeline,
            DeadLetters deadLetters,
            CheckpointRepository checkpoints,
            PartitionStatusRepository status,
            ObjectProvider<BatchStepListener> steps) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
        this.checkpoints = checkpoints;
        this.status = status;
        this.steps = steps.orderedStream().toList();
        this.clock = Clock.systemUTC();
    }

    /** @param batches one or more partition batches, in the order they were handed over */
    @Transactional
    public void write(List<PartitionBatch> batches) {
        List<ParsedRecord> records = new ArrayList<>();
        List<NewDeadLetter> rejected = new ArrayList<>();
        for (PartitionBatch batch : batches) {
            records.addAll(batch.records());
            rejected.addAll(batch.rejected());
        }
        if (!records.isEmpty()) {
            pipeline.ingest(EventBodyReader.SOURCE, records);
        }
        reached(BatchStep.LEDGER_WRITTEN, batches);
        deadLetters.keep(rejected);
        reached(BatchStep.DEAD_LETTERS_WRITTEN, batches);
        // partition rows in one order, so that two instances briefly sharing partitions lock them in the same order
        List<PartitionBatch> byPartition = batches.stream()
                .sorted(Comparator.comparing(batch -> batch.partition().partition()))
                .toList();
        for (PartitionBatch batch : byPartition) {
            if (batch.last() != null) {
                checkpoints.advance(batch.partition(), batch.last());
            }
        }
        reached(BatchStep.CHECKPOINT_WRITTEN, batches);
        Instant now = clock.instant();
        for (PartitionBatch batch : byPartition) {
            status.record(batch, now);
        }
        reached(BatchStep.STATUS_WRITTEN, batches);
    }

    private void reached(BatchStep step, List<PartitionBatch> batches) {
        for (BatchStepListener listener : steps) {
            for (PartitionBatch batch : batches) {
                listener.reached(step, batch);
            }
        }
    }
}
