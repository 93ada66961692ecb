package io.tokenledger.reporting.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ReportingTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Several instances tick the same schedules: each occurrence is claimed by exactly one of them, and each message is
 * attempted by one at a time.
 */
@ReportingTest
class OncePerOccurrenceIT {

    private static final Instant OCCURRENCE = Instant.parse("2025-04-01T07:00:00Z");

    @Autowired
    ReportingData data;

    @Autowired
    ReportSchedules schedules;

    @Autowired
    RunClaims claims;

    @Autowired
    ScheduleTicker ticker;

    @Autowired
    RunRepository runs;

    private ReportSchedule schedule;

    @BeforeEach
    void aMonthlySchedule() {
        data.reset();
        schedule = schedules.create(ScheduleTestData.monthly("all", "xlsx", "finance@example.com"), "admin");
        ScheduleTestData.createdAt(schedule, OCCURRENCE.minus(Duration.ofDays(1)));
    }

    @Test
    void twoConcurrentClaimsOfOneOccurrenceMakeOneRun() throws Exception {
        List<Optional<Long>> results = concurrently(
                () -> claims.claim(schedule, OCCURRENCE, RunRepository.SCHEDULED, "instance-a"),
                () -> claims.claim(schedule, OCCURRENCE, RunRepository.SCHEDULED, "instance-b"));

        assertThat(results).filteredOn(Optional::isPresent).hasSize(1);
        List<ReportRun> log = schedules.runs(schedule.id(), 10);
        assertThat(log).singleElement().satisfies(run -> {
            assertThat(run.claimedBy()).isIn("instance-a", "instance-b");
            assertThat(run.deliveries()).hasSize(1);
        });
    }

    @Test
    void twoInstancesTickingAtOnceRunTheOccurrenceOnce() throws Exception {
        Instant now = OCCURRENCE.plusSeconds(5);

        List<Integer> claimed =
                concurrently(() -> ticker.tick(now, "instance-a"), () -> ticker.tick(now, "instance-b"));

        assertThat(claimed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(ticker.tick(now.plusSeconds(30), "instance-c"))
                .as("a later tick")
                .isZero();
        assertThat(schedules.runs(schedule.id(), 10)).hasSize(1);
    }

    @Test
    void theNextOccurrenceIsANewRun() {
        ticker.tick(OCCURRENCE.plusSeconds(5), "instance-a");

        assertThat(ticker.tick(Instant.parse("2025-05-01T07:00:01Z"), "instance-b"))
                .isEqualTo(1);

        assertThat(schedules.runs(schedule.id(), 10))
                .extracting(ReportRun::occurrence)
                .containsExactly(Instant.parse("2025-05-01T07:00:00Z"), OCCURRENCE);
    }

    @Test
    void anOccurrenceMissedForLongerThanTheCatchUpWindowIsSkipped() {
        assertThat(ticker.tick(OCCURRENCE.plus(Duration.ofDays(2)), "instance-a"))
                .isZero();

        assertThat(schedules.runs(schedule.id(), 10)).isEmpty();
    }

    @Test
    void occurrencesBeforeTheScheduleWasCreatedAreNotRun() {
        ScheduleTestData.createdAt(schedule, OCCURRENCE.plusSeconds(1));

        assertThat(ticker.tick(OCCURRENCE.plusSeconds(5), "instance-a")).isZero();
    }

    @Test
    void twoInstancesClaimingDueMessagesNeverGetTheSameOne() throws Exception {
        claims.claim(schedule, OCCURRENCE, RunRepository.SCHEDULED, "instance-a");
        Instant now = OCCURRENCE.plusSeconds(1);

        List<Optional<RunRepository.DueDelivery>> claimed = concurrently(
                () -> runs.claimDue(now, Duration.ofMinutes(10)), () -> runs.claimDue(now, Duration.ofMinutes(10)));

        assertThat(claimed).filteredOn(Optional::isPresent).hasSize(1);
        assertThat(runs.claimDue(now.plus(Duration.ofMinutes(5)), Duration.ofMinutes(10)))
                .as("while its lease lasts")
                .isEmpty();
        assertThat(runs.claimDue(now.plus(Duration.ofMinutes(11)), Duration.ofMinutes(10)))
                .as("an attempt whose instance died is taken over when its lease ends")
                .hasValueSatisfying(due -> assertThat(due.attempt()).isEqualTo(2));
    }

    @SafeVarargs
    private static <T> List<T> concurrently(Callable<T>... tasks) throws Exception {
        CyclicBarrier start = new CyclicBarrier(tasks.length);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
