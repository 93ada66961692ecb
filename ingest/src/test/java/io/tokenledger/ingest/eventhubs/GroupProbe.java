package io.tokenledger.ingest.eventhubs;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
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
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile String failing;
    private volatile CountDownLatch entered = new CountDownLatch(1);
    private volatile CountDownLatch released = new CountDownLatch(1);

    GroupProbe(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Notes transactions from now on; holds the next batch of each of {@code partitions} until {@link #release}. */
    void hold(Set<String> partitions) {
        entered = new CountDownLatch(partitions.size());
        released = new CountDownLatch(1);
        held.clear();
        held.addAll(partitions);
        armed = true;
    }

    /** Fails every batch of {@code partition} once its ledger is written, as a bug in it would. */
    void fail(String partition) {
        failing = partition;
    }

    void awaitHeld() throws InterruptedException {
        if (!entered.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("the held batches never reached their transactions");
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
        held.clear();
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
        if (held.remove(partition)) {
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
