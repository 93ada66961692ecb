package io.tokenledger.ingest.eventhubs;

import com.azure.messaging.eventhubs.models.EventBatchContext;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor's batch callback: reads a partition batch and writes it with its checkpoint in one transaction.
 *
 * <p>While PostgreSQL is unreachable the batch is retried with growing pauses (so the partition simply waits) for
 * up to {@code databaseWait}; after that, or on any other failure, the exception goes back to the SDK, which closes
 * the partition and later resumes it from the last committed checkpoint. Either way nothing is skipped and,
 * because the write is idempotent, nothing is counted twice.
 */
final class EventBatchHandler implements Consumer<EventBatchContext> {

    private static final Logger log = LoggerFactory.getLogger(EventBatchHandler.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private final EventBodyReader reader;
    private final BatchWriter writer;
    private final Duration databaseWait;
    private volatile boolean stopping;

    EventBatchHandler(EventBodyReader reader, BatchWriter writer, Duration databaseWait) {
        this.reader = reader;
        this.writer = writer;
        this.databaseWait = databaseWait;
    }

    @Override
    public void accept(EventBatchContext context) {
        PartitionBatch batch = reader.read(context);
        Instant giveUpAt = Instant.now().plus(databaseWait);
        Duration pause = FIRST_PAUSE;
        boolean waited = false;
        while (true) {
            try {
                writer.write(batch);
                if (waited) {
                    log.info(
                            "PostgreSQL is reachable again; partition {} of {} goes on from sequence number {}",
                            batch.partition().partition(),
                            batch.partition().stream(),
                            batch.last() == null ? "-" : batch.last().sequenceNumber());
                }
                return;
            } catch (RuntimeException e) {
                if (stopping
                        || !DatabaseOutage.isTransient(e)
                        || Instant.now().plus(pause).isAfter(giveUpAt)) {
                    throw e;
                }
                if (!waited) {
                    log.warn(
                            "PostgreSQL is unreachable ({}); partition {} of {} waits and retries its batch for up to"
                                    + " {} (tokenledger.ingest.eventhubs.database-wait)",
                            e.getMessage(),
                            batch.partition().partition(),
                            batch.partition().stream(),
                            databaseWait);
                    waited = true;
                }
                sleep(pause, e);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    /** No more retries: a batch in a retry loop gives up so the processor can stop. */
    void stop() {
        stopping = true;
    }

    private static void sleep(Duration pause, RuntimeException failure) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
