package io.tokenledger.reporting.excel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ConsumerThreadTest {

    @Test
    void theConsumerGetsEveryItemInOrderOnItsOwnThread() {
        List<Integer> taken = new ArrayList<>();
        List<String> threads = new ArrayList<>();
        try (ConsumerThread<Integer> thread = new ConsumerThread<>("test-consumer", item -> {
            taken.add(item);
            threads.add(Thread.currentThread().getName());
        })) {
            IntStream.range(0, 10_001).boxed().forEach(thread);
            thread.finish();
        }

        assertThat(taken).isEqualTo(IntStream.range(0, 10_001).boxed().toList());
        assertThat(threads).containsOnly("test-consumer");
    }

    @Test
    void whatTheConsumerThrowsReachesTheCallerAndStopsIt() {
        UncheckedIOException diskFull = new UncheckedIOException("disk full", new IOException("disk full"));
        try (ConsumerThread<Integer> thread = new ConsumerThread<>("test-consumer", item -> {
            if (item == 5_000) {
                throw diskFull;
            }
        })) {
            assertThatThrownBy(() -> {
                        IntStream.range(0, 1_000_000).boxed().forEach(thread);
                        thread.finish();
                    })
                    .isSameAs(diskFull);
        }
    }

    @Test
    void closingWithoutFinishingStopsTheConsumer() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        List<Thread> consumer = new ArrayList<>();
        try (ConsumerThread<Integer> thread = new ConsumerThread<>("test-consumer", item -> {
            consumer.add(Thread.currentThread());
            started.countDown();
        })) {
            IntStream.range(0, 2_000).boxed().forEach(thread);
            started.await();
        }

        assertThat(consumer.getFirst().isAlive()).isFalse();
    }
}
