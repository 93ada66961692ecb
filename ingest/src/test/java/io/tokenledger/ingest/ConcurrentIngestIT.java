package io.tokenledger.ingest;

import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Two sources delivering the same events at the same time, as Event Hubs does after a rebalance. */
@SpringBootTest
@UsesTestDatabase
class ConcurrentIngestIT {

    private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");
    private static final int ROUNDS = 5;
    private static final int BATCH = 2000;
    private static final int OVERLAP = 1000;
    private static final int TENANT_ROUNDS = 20;
    private static final int TENANTS = 200;

    private final IngestPipeline pipeline;
    private final RateCards rateCards;
    private final Ledger ledger;
    private final DSLContext dsl;
    private final TransactionTemplate transactions;

    @Autowired
    ConcurrentIngestIT(
            IngestPipeline pipeline, RateCards rateCards, DSLContext dsl, PlatformTransactionManager transactions) {
        this.pipeline = pipeline;
        this.rateCards = rateCards;
        this.ledger = new Ledger(dsl);
        this.dsl = dsl;
        this.transactions = new TransactionTemplate(transactions);
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @Test
    void concurrentBatchesWithOverlappingIdsCountEachOnce() throws Exception {
        rateCards.publish(RateCardFixture.flat("gpt-4o", "2026-01-01", "1"), "test");
        int accepted = 0;
        int duplicates = 0;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                // the second source delivers the overlapping ids in the opposite order
                List<ParsedRecord> first = batch(ids(round, 0, BATCH, false));
                List<ParsedRecord> second = batch(ids(round, BATCH - OVERLAP, 2 * BATCH - OVERLAP, true));
                CyclicBarrier start = new CyclicBarrier(2);
                Future<IngestResult> a = threads.submit(() -> {
                    start.await();
                    return pipeline.ingest("eventhubs:0", first);
                });
                Future<IngestResult> b = threads.submit(() -> {
                    start.await();
                    return pipeline.ingest("eventhubs:1", second);
                });
                IngestResult resultA = a.get(30, TimeUnit.SECONDS);
                IngestResult resultB = b.get(30, TimeUnit.SECONDS);
                accepted += resultA.accepted() + resultB.accepted();
                duplicates += resultA.duplicates() + resultB.duplicates();
            }
        } finally {
            threads.shutdownNow();
        }

        int distinct = ROUNDS * (2 * BATCH - OVERLAP);
        assertThat(accepted).isEqualTo(distinct);
        assertThat(duplicates).isEqualTo(ROUNDS * OVERLAP);
        assertThat(ledger.eventCount()).isEqualTo(distinct);
        var day = ledger.daily(NOV_3, "acme", "gpt-4o", "gpt-4o-2024-08-06");
        assertThat(day.getRequests()).isEqualTo((long) distinct);
        assertThat(day.getPromptTokens()).isEqualTo(distinct * 1000L);
        // each event: (1000 + 200) tokens × 1 per 1M = 0.0012
        assertThat(day.getCost()).isEqualByComparingTo(new BigDecimal("0.0012").multiply(BigDecimal.valueOf(distinct)));
        assertThat(ledger.rollup()).isEqualTo(ledger.rollupFromEvents());
        assertThat(ledger.narrowRollupMismatches()).isEmpty();
    }

    @Test
    void aBatchWaitingForAnotherWithTheSameNewIdsSkipsWhatItCommitted() throws Exception {
        rateCards.publish(RateCardFixture.flat("gpt-4o", "2026-01-01", "1"), "test");
        List<ParsedRecord> first = batch(ids(0, 0, 10, false));
        List<ParsedRecord> second = batch(ids(0, 5, 15, true));
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<IngestResult> a = threads.submit(() -> transactions.execute(status -> {
                IngestResult result = pipeline.ingest("eventhubs:0", first);
                firstWritten.countDown();
                awaitQuietly(commitFirst);
                return result;
            }));
            assertThat(firstWritten.await(30, TimeUnit.SECONDS)).isTrue();
            // the second batch finds ids 5-9 neither stored nor free: it waits for the first batch's transaction
            Future<IngestResult> b = threads.submit(() -> pipeline.ingest("eventhubs:1", second));
            waitUntilABackendWaitsForALock();
            commitFirst.countDown();
            IngestResult resultA = a.get(30, TimeUnit.SECONDS);
            IngestResult resultB = b.get(30, TimeUnit.SECONDS);

            assertThat(resultA.accepted()).isEqualTo(10);
            assertThat(resultB.accepted()).isEqualTo(5);
            assertThat(resultB.duplicates()).isEqualTo(5);
        } finally {
            commitFirst.countDown();
            threads.shutdownNow();
        }
        assertThat(ledger.eventCount()).isEqualTo(15);
        assertThat(ledger.rollup()).isEqualTo(ledger.rollupFromEvents());
        assertThat(ledger.narrowRollupMismatches()).isEmpty();
    }

    @Test
    void aBatchDeadlockedOverNewIdsHeldInAnotherOrderSkipsWhatTheOtherCommitted() throws Exception {
        rateCards.publish(RateCardFixture.flat("gpt-4o", "2026-01-01", "1"), "test");
        // the tenant exists already: the second batch must not wait for the first's creating it
        pipeline.ingest("http", batch(event().id("earlier")));
        CountDownLatch zWritten = new CountDownLatch(1);
        CountDownLatch writeMiddle = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // one transaction inserts z, then (once the other batch holds the r0-e… ids and waits for z) r0-e00250
            Future<Integer> first = threads.submit(() -> transactions.execute(status -> {
                int accepted =
                        pipeline.ingest("eventhubs:0", batch(event().id("z"))).accepted();
                zWritten.countDown();
                awaitQuietly(writeMiddle);
                return accepted
                        + pipeline.ingest("eventhubs:0", batch(event().id("r0-e00250")))
                                .accepted();
            }));
            assertThat(zWritten.await(30, TimeUnit.SECONDS)).isTrue();
            // delivered as r0-e00000 … r0-e00499, z: inserts those in that order, then waits for the first's z
            List<UsageEventFixture> delivered = new ArrayList<>(ids(0, 0, 500, false));
            delivered.add(event().id("z"));
            Future<IngestResult> second = threads.submit(() -> pipeline.ingest("eventhubs:1", batch(delivered)));
            waitUntilABackendWaitsForALock();
            // the first transaction now waits for the second batch's r0-e00250: PostgreSQL aborts the second batch's
            // insert (it waited first, so its deadlock check runs first), which then skips what the first committed
            writeMiddle.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            IngestResult result = second.get(30, TimeUnit.SECONDS);
            assertThat(result.accepted()).isEqualTo(499);
            assertThat(result.duplicates()).isEqualTo(2);
        } finally {
            writeMiddle.countDown();
            threads.shutdownNow();
        }
        assertThat(ledger.eventCount()).isEqualTo(502);
        assertThat(ledger.rollup()).isEqualTo(ledger.rollupFromEvents());
        assertThat(ledger.narrowRollupMismatches()).isEmpty();
    }

    private void waitUntilABackendWaitsForALock() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (dsl.fetchCount(
                        DSL.table("pg_stat_activity"),
                        DSL.field("wait_event_type").eq("Lock"))
                == 0) {
            assertThat(System.nanoTime()).as("a batch waiting for a lock").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void concurrentBatchesChargingTheSameNewTenantsBothCommit() throws Exception {
        int accepted = 0;
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < TENANT_ROUNDS; round++) {
                // distinct ids, but both batches are the first usage of the same tenants, met in opposite orders
                List<ParsedRecord> first = batch(tenants(round, "a", false));
                List<ParsedRecord> second = batch(tenants(round, "b", true));
                CyclicBarrier start = new CyclicBarrier(2);
                Future<IngestResult> a = threads.submit(() -> {
                    start.await();
                    return pipeline.ingest("eventhubs:0", first);
                });
                Future<IngestResult> b = threads.submit(() -> {
                    start.await();
                    return pipeline.ingest("eventhubs:1", second);
                });
                accepted += a.get(30, TimeUnit.SECONDS).accepted();
                accepted += b.get(30, TimeUnit.SECONDS).accepted();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(accepted).isEqualTo(TENANT_ROUNDS * 2 * TENANTS);
        assertThat(ledger.eventCount()).isEqualTo(TENANT_ROUNDS * 2 * TENANTS);
        assertThat(ledger.rollup())
                .hasSize(TENANT_ROUNDS * TENANTS)
                .allSatisfy(line -> assertThat(line.requests()).isEqualTo(2L));
    }

    private static List<UsageEventFixture> tenants(int round, String idPrefix, boolean descending) {
        List<UsageEventFixture> events = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            events.add(event().id("%s-r%d-t%03d".formatted(idPrefix, round, i))
                    .tenant("tenant-r%d-%03d".formatted(round, i)));
        }
        return descending ? events.reversed() : events;
    }

    private static List<UsageEventFixture> ids(int round, int from, int to, boolean descending) {
        List<UsageEventFixture> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            events.add(event().id("r%d-e%05d".formatted(round, i)));
        }
        return descending ? events.reversed() : events;
    }
}
