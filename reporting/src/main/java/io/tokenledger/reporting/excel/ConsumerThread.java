package io.tokenledger.reporting.excel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs a consumer on a thread of its own, fed in batches through a short queue, so that the caller and the consumer
 * work at the same time: the daily detail is read from the database (in the caller's transaction) while the rows
 * before it are written to the sheet. Memory stays bounded: the caller waits when the queue is full.
 *
 * <p>The consumer is used by that thread only, from the first batch until {@link #finish} returns.
 */
final class ConsumerThread<T> implements Consumer<T>, AutoCloseable {

    private static final int BATCH = 1024;
    private static final int BATCHES_QUEUED = 4;
    private static final long POLL_MILLIS = 100;

    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(BATCHES_QUEUED);
    private final List<T> end = new ArrayList<>();
    private final Thread thread;
    private volatile Throwable failure;
    private List<T> batch = new ArrayList<>(BATCH);
    private boolean finished;

    ConsumerThread(String name, Consumer<? super T> consumer) {
        thread = Thread.ofPlatform().name(name).daemon().start(() -> run(consumer));
    }

    @Override
    public void accept(T item) {
        batch.add(item);
        if (batch.size() == BATCH) {
            hand(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /**
     * Waits until the consumer has taken every item.
     *
     * @throws RuntimeException what the consumer threw, if it failed
     */
    void finish() {
        if (!batch.isEmpty()) {
            hand(batch);
        }
        hand(end);
        join();
        finished = true;
        rethrowFailure();
    }

    /** Stops the consumer, unless {@link #finish} has run: for a caller that failed. */
    @Override
    public void close() {
        if (!finished) {
            thread.interrupt();
            join();
            finished = true;
        }
    }

    private void run(Consumer<? super T> consumer) {
        try {
            for (List<T> items = queue.take(); items != end; items = queue.take()) {
                items.forEach(consumer);
            }
        } catch (Throwable e) {
            failure = e;
        }
    }

    private void hand(List<T> items) {
        try {
            while (!queue.offer(items, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handing rows to " + thread.getName(), e);
        }
        rethrowFailure();
    }

    private void join() {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
                thread.interrupt();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        Throwable failed = failure;
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException(thread.getName() + " failed", failed);
        }
    }
}
