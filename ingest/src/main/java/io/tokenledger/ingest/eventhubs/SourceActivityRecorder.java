package io.tokenledger.ingest.eventhubs;

import io.tokenledger.ingest.BatchIngested;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Counts each committed batch into its source's activity row. After the commit and in a transaction of its own, so
 * concurrent batches of one source never wait for each other's row lock, and a failure here (the status is best
 * effort) cannot undo ingested usage.
 */
@Component
class SourceActivityRecorder {

    private static final Logger log = LoggerFactory.getLogger(SourceActivityRecorder.class);

    private final SourceActivityRepository activity;

    SourceActivityRecorder(SourceActivityRepository activity) {
        this.activity = activity;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void batchIngested(BatchIngested batch) {
        long received = (long) batch.accepted() + batch.duplicates();
        if (received == 0) {
            return;
        }
        try {
            activity.record(batch.source(), received, Instant.now());
        } catch (RuntimeException e) {
            log.debug("Activity of source {} not recorded: {}", batch.source(), e.toString());
        }
    }
}
