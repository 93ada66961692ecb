package io.tokenledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs tasks at the same time, each on its own thread, and times them together. */
final class AtOnce {

    private AtOnce() {}

    /**
     * Starts every task once all their threads are ready; answers the nanoseconds from that start to the end of the
     * last task. A task's failure is thrown once all have ended.
     */
    static long run(List<? extends Callable<?>> tasks) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        long[] ended = new long[tasks.size()];
        long began;
        try (ExecutorService threads = Executors.newFixedThreadPool(tasks.size())) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                int task = i;
                running.add(threads.submit(() -> {
                    ready.countDown();
                    start.await();
                    tasks.get(task).call();
                    ended[task] = System.nanoTime();
                    return null;
                }));
            }
            ready.await();
            began = System.nanoTime();
            start.countDown();
            for (Future<?> task : running) {
                task.get();
            }
        }
        long last = began;
        for (long end : ended) {
            last = Math.max(last, end);
        }
        return last - began;
    }
}
