package io.tokenledger.ingest.eventhubs;

import io.tokenledger.ingest.DeadLetters;
import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.IngestResult;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one partition batch in one transaction: its usage through the ingest pipeline (which joins this
 * transaction), its dead letters, its checkpoint and its status row. Either all of it commits or none of it, so a
 * checkpoint never runs ahead of the ledger; and since usage ids are unique and dead letters are unique per
 * position, running a batch again (after a crash, a rebalance, a replay from an older checkpoint) changes nothing.
 */
@Service
class BatchWriter {

    private static final IngestResult NOTHING = new IngestResult(0, 0, 0, List.of());

    private final IngestPipeline pipeline;
    private final DeadLetters deadLetters;
    private final CheckpointRepository checkpoints;
    private final PartitionStatusRepository status;
    private final BatchStepListener steps;
    private final Clock clock;

    BatchWriter(
            IngestPipeline pipeline,
            DeadLetters deadLetters,
            CheckpointRepository checkpoints,
            PartitionStatusRepository status,
            ObjectProvider<BatchStepListener> steps) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
        this.checkpoints = checkpoints;
        this.status = status;
        this.steps = steps.getIfAvailable(() -> (step, batch) -> {});
        this.clock = Clock.systemUTC();
    }

    /** @return what the pipeline did with the batch's valid records */
    @Transactional
    public IngestResult write(PartitionBatch batch) {
        IngestResult result =
                batch.records().isEmpty() ? NOTHING : pipeline.ingest(EventBodyReader.SOURCE, batch.records());
        steps.reached(BatchStep.LEDGER_WRITTEN, batch);
        deadLetters.keep(batch.rejected());
        steps.reached(BatchStep.DEAD_LETTERS_WRITTEN, batch);
        if (batch.last() != null) {
            checkpoints.advance(batch.partition(), batch.last());
        }
        steps.reached(BatchStep.CHECKPOINT_WRITTEN, batch);
        status.record(batch, clock.instant());
        steps.reached(BatchStep.STATUS_WRITTEN, batch);
        return result;
    }
}
