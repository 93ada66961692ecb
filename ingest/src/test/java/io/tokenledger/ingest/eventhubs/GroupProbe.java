package io.tokenledger.ingest.eventhubs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.springframework.boot.test.context.TestComponent;

/**
 * Watches batches reach their written ledger ({@link BatchStep#LEDGER_WRITTEN}), when armed: notes the transaction
 * each partition's batch was written in, holds a chosen partition's batch there until released, and fails a chosen
 * partition's batches every time.
 */
@TestComponent
class GroupProbe implements BatchStepListener {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final DSLContext dsl;
    private final Map<String, Long> transactions = new ConcurrentHashMap<>();
    private volatile boolean armed;
    private volatile String held;
    private volatile String failing;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);

    GroupProbe(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Notes transactions from now on; holds the next batch of {@code partition} until {@link #release}. */
    void hold(String partition) {
        entered = new CountDownLatch(1);
        released = new CountDownLatch(1);
        held = partition;
        armed = true;
    }

    /** Fails every batch of {@code partition} once its ledger is written, as a bug in it would. */
    void fail(String partition) {
        failing = partition;
    }

    void awaitHeld() throws InterruptedException {
        if (!entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the held batch never reached its transaction");
        }
    }

    void release() {
        released.countDown();
    }

    /** The transaction id each partition's last written batch had (rolled back ones included). */
    Map<String, Long> transactions() {
        return Map.copyOf(transactions);
    }

    void off() {
        armed = false;
        held = null;
        failing = null;
        transactions.clear();
        released.countDown();
    }

    @Override
    public void reached(BatchStep step, PartitionBatch batch) {
        if (!armed || step != BatchStep.LEDGER_WRITTEN) {
            return;
        }
        String partition = batch.partition().partition();
        transactions.put(partition, dsl.fetchSingle("select txid_current()").get(0, Long.class));
        if (partition.equals(held)) {
            held = null;
            entered.countDown();
            try {
                if (!released.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                    throw new AssertionError("the held batch was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (partition.equals(failing)) {
            throw new IllegalStateException("batch of partition " + partition + " fails");
        }
    }
}
