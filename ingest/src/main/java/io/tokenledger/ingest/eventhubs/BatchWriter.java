package io.tokenledger.ingest.eventhubs;

import io.tokenledger.ingest.IngestProperties;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Service;

/**
 * Writes the partitions' batches with group commit. At most {@code tokenledger.ingest.eventhubs.write-transactions}
 * transactions (2 by default) write at a time; a batch handed over while they run waits, and the batches that waited
 * meanwhile (of every partition, up to {@link #GROUP_RECORDS} records) are then written together in one
 * {@link BatchTransaction}. A batch never waits for others to arrive: with one partition, or a quiet hub, every batch
 * is its own transaction. With many busy partitions the per-transaction costs (the staging COPY, the statements, the
 * commit's WAL flush) and the rollup rows are shared by several batches instead of paid by each, and the partitions
 * hold a couple of connections instead of one each. Two transactions rather than one keep both of PostgreSQL's
 * cores busy on a small server: one inserts its events while the other waits for the rollup rows they share.
 *
 * <p>The calling thread returns once its batch is committed, or throws what failed it. When a transaction of several
 * batches fails, they go back to the head of the queue and are written again one by one, each in a transaction of
 * its own and still within the limit, so a batch that cannot be written fails only its own partition.
 */
@Service
class BatchWriter {

    /** Records of the batches written together at most (a single larger batch is still written, alone). */
    static final int GROUP_RECORDS = 10_000;

    private final BatchTransaction transaction;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final int transactions;
    private int writing;

    BatchWriter(BatchTransaction transaction, IngestProperties properties) {
        this.transaction = transaction;
        this.transactions = properties.eventhubs().writeTransactions();
    }

    /** Writes {@code batch} with its checkpoint, possibly together with batches of other partitions. */
    public void write(PartitionBatch batch) {
        Waiting mine = new Waiting(batch);
        lock.lock();
        try {
            waiting.add(mine);
            while (mine.outcome == Outcome.WAITING) {
                // a batch another thread is writing just waits for it; one still queued writes the queue's head
                if (mine.taken || writing >= transactions) {
                    written.awaitUninterruptibly();
                } else {
                    writeNextGroup();
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.outcome == Outcome.FAILED) {
            throw rethrown(mine.failure);
        }
    }

    /** Batches waiting for a transaction (not counting those being written). */
    int waiting() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }

    /** Takes the group at the head of the queue and writes it with the lock released; the lock is held on entry. */
    private void writeNextGroup() {
        List<Waiting> group = new ArrayList<>();
        int records = 0;
        while (!waiting.isEmpty()) {
            Waiting next = waiting.peekFirst();
            if (!group.isEmpty()
                    && (next.alone || records + next.batch.records().size() > GROUP_RECORDS)) {
                break;
            }
            waiting.removeFirst();
            next.taken = true;
            group.add(next);
            records += next.batch.records().size();
            if (next.alone) {
                break;
            }
        }
        writing++;
        lock.unlock();
        Throwable failure = null;
        try {
            transaction.write(group.stream().map(w -> w.batch).toList());
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            lock.lock();
            writing--;
            if (failure != null && group.size() > 1) {
                // each is written again on its own, first in line and within the limit of writing transactions
                for (Waiting w : group.reversed()) {
                    w.taken = false;
                    w.alone = true;
                    waiting.addFirst(w);
                }
            } else {
                for (Waiting w : group) {
                    w.outcome = failure == null ? Outcome.WRITTEN : Outcome.FAILED;
                    w.failure = failure;
                }
            }
            written.signalAll();
        }
    }

    private static RuntimeException rethrown(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return (RuntimeException) failure;
    }

    private enum Outcome {
        WAITING,
        WRITTEN,
        FAILED
    }

    private static final class Waiting {

        private final PartitionBatch batch;
        private boolean taken;
        /** Its shared transaction failed: it is written again in a transaction of its own. */
        private boolean alone;

        private Outcome outcome = Outcome.WAITING;
        private Throwable failure;

        Waiting(PartitionBatch batch) {
            this.batch = batch;
        }
    }
}
