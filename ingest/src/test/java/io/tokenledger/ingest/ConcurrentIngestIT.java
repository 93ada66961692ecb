package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
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
        CompletableFuture<Integer> firstBackend = new CompletableFuture<>();
        CountDownLatch commitFirst = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<IngestResult> a = threads.submit(() -> transactions.execute(status -> {
                IngestResult result = pipeline.ingest("eventhubs:0", first);
                firstBackend.complete(backendPid());
                awaitQuietly(commitFirst);
                return result;
            }));
            int firstPid = firstBackend.get(30, TimeUnit.SECONDS);
            // the second batch finds ids 5-9 neither stored nor free: it waits for the first batch's transaction
            Future<IngestResult> b = threads.submit(() -> pipeline.ingest("eventhubs:1", second));
            awaitABackendBlockedBy(firstPid, "the second batch waits for the first's ids");
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

    /**
     * The deadlock is built step by step, each step waited for in {@code pg_stat_activity}, so that the second batch
     * is always the backend that closes the cycle and the only one that looks for it: PostgreSQL checks for a deadlock
     * once per lock wait, {@code deadlock_timeout} after the wait began, and aborts the backend that finds it. The
     * first transaction sets its own {@code deadlock_timeout} far beyond the test's waits, which needs a superuser
     * (the embedded test database connects as one; an external one given by {@code TOKENLEDGER_TEST_DB_URL} must too).
     * The batch's skipping insert then meets an id another transaction holds before it comes to r0-e00250, so that it
     * does not race the first transaction (woken by the abort) for that id, and deadlock again should it win.
     */
    @Test
    void aBatchDeadlockedOverNewIdsHeldInAnotherOrderSkipsWhatTheOtherCommitted() throws Exception {
        rateCards.publish(RateCardFixture.flat("gpt-4o", "2026-01-01", "1"), "test");
        // the tenant exists already: the second batch must not wait for the first's creating it
        pipeline.ingest("http", batch(event().id("earlier")));
        CompletableFuture<Integer> firstBackend = new CompletableFuture<>();
        CountDownLatch writeMiddle = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            // one transaction inserts z, then (once the other batch holds r0-e00250) r0-e00250
            Future<Integer> first = threads.submit(() -> transactions.execute(status -> {
                dsl.execute("set local deadlock_timeout = '10min'");
                int accepted =
                        pipeline.ingest("eventhubs:0", batch(event().id("z"))).accepted();
                firstBackend.complete(backendPid());
                awaitQuietly(writeMiddle);
                return accepted
                        + pipeline.ingest("eventhubs:0", batch(event().id("r0-e00250")))
                                .accepted();
            }));
            int firstPid = firstBackend.get(30, TimeUnit.SECONDS);
            // two more transactions hold ids of the second batch: r0-e00300, where its insert stops once it holds
            // r0-e00250; and r0-e00000, which it delivers last and its skipping insert (in id order) meets first
            HeldId stop = new HeldId("r0-e00300", threads);
            HeldId skipStop = new HeldId("r0-e00000", threads);
            // delivered as r0-e00001 … r0-e00499, z, r0-e00000: inserted in that order until z
            List<UsageEventFixture> delivered = new ArrayList<>(ids(0, 1, 500, false));
            delivered.add(event().id("z"));
            delivered.add(event().id("r0-e00000"));
            Future<IngestResult> second = threads.submit(() -> pipeline.ingest("eventhubs:1", batch(delivered)));
            awaitABackendBlockedBy(stop.pid, "the second batch stops at r0-e00300, holding r0-e00250");
            writeMiddle.countDown();
            awaitBlocked(firstPid, "the first transaction waits for the second batch's r0-e00250");
            // the second batch goes on to z and waits for the first transaction, which closes the cycle: its deadlock
            // check aborts its insert, and its skipping insert waits at r0-e00000 while the first transaction commits
            stop.release();
            assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            skipStop.release();
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

    /**
     * The skipping insert (in id order) can lose a deadlock too: a batch that skips a known id holds s-1 and waits at
     * s-15; another transaction, inserting in delivery order, holds s-2 and waits for s-1; the batch then goes on to
     * s-2 and closes the cycle. The batch's backend is the only one that checks for the deadlock (the other sets its
     * own {@code deadlock_timeout} far beyond the test's waits), so the batch loses: its skipping insert is rolled back
     * and run again once the other transaction has committed, and the batch stores what is new.
     */
    @Test
    void aSkippingInsertThatLosesADeadlockIsRunAgain() throws Exception {
        rateCards.publish(RateCardFixture.flat("gpt-4o", "2026-01-01", "1"), "test");
        pipeline.ingest("http", batch(event().id("known")));
        CompletableFuture<Integer> otherBackend = new CompletableFuture<>();
        CountDownLatch insertS1 = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<Integer> other = threads.submit(() -> transactions.execute(status -> {
                dsl.execute("set local deadlock_timeout = '10min'");
                int accepted =
                        pipeline.ingest("eventhubs:0", batch(event().id("s-2"))).accepted();
                otherBackend.complete(backendPid());
                awaitQuietly(insertS1);
                return accepted
                        + pipeline.ingest("eventhubs:0", batch(event().id("s-1")))
                                .accepted();
            }));
            int otherPid = otherBackend.get(30, TimeUnit.SECONDS);
            HeldId middle = new HeldId("s-15", threads);
            // "known" first: the insert as new fails at once, and the skipping insert goes s-1, s-15, s-2
            Future<IngestResult> batch = threads.submit(() -> pipeline.ingest(
                    "eventhubs:1",
                    batch(List.of(event().id("known"), event().id("s-2"), event().id("s-15"), event().id("s-1")))));
            awaitABackendBlockedBy(middle.pid, "the skipping insert holds s-1 and waits at s-15");
            insertS1.countDown();
            awaitBlocked(otherPid, "the other transaction waits for the batch's s-1");
            // the batch goes on to s-2, held by the other transaction: the cycle, which the batch's backend finds
            middle.release();
            assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo(2);
            IngestResult result = batch.get(30, TimeUnit.SECONDS);
            assertThat(result.accepted()).isEqualTo(1);
            assertThat(result.duplicates()).isEqualTo(3);
        } finally {
            insertS1.countDown();
            threads.shutdownNow();
        }
        assertThat(ledger.eventCount()).isEqualTo(4);
        assertThat(ledger.rollup()).isEqualTo(ledger.rollupFromEvents());
        assertThat(ledger.narrowRollupMismatches()).isEmpty();
    }

    /**
     * A transaction that has inserted a bare event with {@code id} and holds it, not committed, until released; then it
     * rolls back.
     */
    private final class HeldId {

        private final int pid;
        private final CountDownLatch release = new CountDownLatch(1);
        private final Future<?> transaction;

        HeldId(String id, ExecutorService threads) throws Exception {
            CompletableFuture<Integer> backend = new CompletableFuture<>();
            transaction = threads.submit(() -> transactions.execute(status -> {
                try {
                    insertBareEvent(id);
                    backend.complete(backendPid());
                } catch (RuntimeException e) {
                    backend.completeExceptionally(e);
                    throw e;
                }
                awaitQuietly(release);
                status.setRollbackOnly();
                return null;
            }));
            pid = backend.get(30, TimeUnit.SECONDS);
        }

        void release() throws Exception {
            release.countDown();
            transaction.get(30, TimeUnit.SECONDS);
        }
    }

    private int backendPid() {
        return dsl.fetchSingle("select pg_backend_pid()").get(0, Integer.class);
    }

    /** Waits until some backend waits for a lock that the backend {@code holder} holds. */
    private void awaitABackendBlockedBy(int holder, String what) {
        awaitPositive(what, "select count(*) from pg_stat_activity where {0} = any(pg_blocking_pids(pid))", holder);
    }

    /** Waits until the backend {@code waiter} waits for a lock that another backend holds. */
    private void awaitBlocked(int waiter, String what) {
        awaitPositive(what, "select cardinality(pg_blocking_pids({0}))", waiter);
    }

    private void awaitPositive(String what, String countQuery, int pid) {
        Awaitility.await(what)
                .atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> dsl.fetchSingle(countQuery, DSL.val(pid)).get(0, Integer.class) > 0);
    }

    /** A bare event row, inserted the way any writer would, so that a transaction can hold its id. */
    private void insertBareEvent(String id) {
        dsl.insertInto(USAGE_EVENT)
                .set(USAGE_EVENT.EVENT_ID, id)
                .set(USAGE_EVENT.EVENT_TIME, OffsetDateTime.parse("2026-11-03T10:00:00Z"))
                .set(USAGE_EVENT.USAGE_DAY, NOV_3)
                .set(USAGE_EVENT.TENANT_KEY, "acme")
                .set(USAGE_EVENT.SOURCE, "test")
                .set(USAGE_EVENT.DEPLOYMENT, "gpt-4o")
                .set(USAGE_EVENT.MODEL, "gpt-4o-2024-08-06")
                .set(USAGE_EVENT.PROMPT_TOKENS, 1000L)
                .set(USAGE_EVENT.CACHED_PROMPT_TOKENS, 0L)
                .set(USAGE_EVENT.COMPLETION_TOKENS, 200L)
                .set(USAGE_EVENT.REASONING_TOKENS, 0L)
                .set(USAGE_EVENT.REQUESTS, 1)
                .set(USAGE_EVENT.ESTIMATED, false)
                .execute();
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
