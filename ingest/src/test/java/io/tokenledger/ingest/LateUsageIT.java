package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.LEDGER_ADJUSTMENT;
import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.jooq.tables.records.LedgerAdjustmentRecord;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.pricing.RateCards;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Usage that arrives for a closed billing period: kept as an event (and deduplicated), but booked as a
 * {@code LATE_USAGE} adjustment in the open period; the closed period's rollups never change. Today is
 * 20 November 2026, October is closed.
 */
@RecordApplicationEvents
class LateUsageIT extends NovemberTodayTest {

    private final IngestPipeline pipeline;
    private final RateCards rateCards;
    private final DSLContext dsl;
    private final Ledger ledger;

    @Autowired
    ApplicationEvents events;

    @Autowired
    LateUsageIT(IngestPipeline pipeline, RateCards rateCards, DSLContext dsl) {
        this.pipeline = pipeline;
        this.rateCards = rateCards;
        this.dsl = dsl;
        this.ledger = new Ledger(dsl);
    }

    @BeforeEach
    void octoberHasUsageAndIsClosed() {
        TestDatabase.get().reset();
        rateCards.publish(RateCardFixture.flat("gpt-4o", "2026-01-01", "10"), "test");
        pipeline.ingest("http", batch(event().id("on-time").at("2026-10-30T09:00:00Z")));
        BillingPeriodFixture.close(dsl, BillingPeriodFixture.PREVIOUS);
        events.clear();
    }

    @Test
    void lateEventForAClosedMonthIsBookedAsAdjustmentInTheOpenMonth() {
        List<Ledger.RollupLine> closedRollup = ledger.rollup();

        IngestResult result = pipeline.ingest(
                "http", batch(event().id("late").at("2026-10-31T23:00:00Z").tokens(3000, 0, 1000, 0)));

        assertThat(result.accepted()).isEqualTo(1);
        assertThat(ledger.event("late").getUsageDay()).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(ledger.rollup()).as("the closed month's rollups").isEqualTo(closedRollup);
        LedgerAdjustmentRecord adjustment = onlyAdjustment();
        assertThat(adjustment.getCause()).isEqualTo("LATE_USAGE");
        assertThat(adjustment.getBookedPeriod()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(adjustment.getRefersToPeriod()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(adjustment.getTenantKey()).isEqualTo("acme");
        assertThat(adjustment.getDeployment()).isEqualTo("gpt-4o");
        assertThat(adjustment.getRequests()).isEqualTo(1L);
        assertThat(adjustment.getPromptTokens()).isEqualTo(3000L);
        assertThat(adjustment.getCompletionTokens()).isEqualTo(1000L);
        // 4,000 tokens × 10 per 1M
        assertThat(adjustment.getCost()).isEqualByComparingTo("0.04");
        assertThat(adjustment.getUnpricedRequests()).isZero();
    }

    @Test
    void lateEventsOfTheSameKeyGrowOneAdjustmentAndARepeatChangesNothing() {
        pipeline.ingest("http", batch(event().id("late-1").at("2026-10-30T10:00:00Z")));

        IngestResult repeat = pipeline.ingest("http", batch(event().id("late-1").at("2026-10-30T10:00:00Z")));
        pipeline.ingest("http", batch(event().id("late-2").at("2026-10-02T10:00:00Z")));

        assertThat(repeat.accepted()).isZero();
        assertThat(repeat.duplicates()).isEqualTo(1);
        LedgerAdjustmentRecord adjustment = onlyAdjustment();
        assertThat(adjustment.getRequests()).isEqualTo(2L);
        assertThat(adjustment.getPromptTokens()).isEqualTo(2000L);
        assertThat(adjustment.getCost()).isEqualByComparingTo("0.024");
    }

    @Test
    void usageOfOpenPeriodsStillGoesToItsDays() {
        pipeline.ingest(
                "http",
                batch(
                        event().id("september-open").at("2026-09-15T10:00:00Z"),
                        event().id("november").at("2026-11-19T10:00:00Z")));

        assertThat(dsl.fetchCount(LEDGER_ADJUSTMENT)).isZero();
        assertThat(ledger.daily(LocalDate.parse("2026-09-15"), "acme", "gpt-4o", "gpt-4o-2024-08-06")
                        .getRequests())
                .isEqualTo(1L);
        assertThat(ledger.daily(LocalDate.parse("2026-11-19"), "acme", "gpt-4o", "gpt-4o-2024-08-06")
                        .getRequests())
                .isEqualTo(1L);
    }

    @Test
    void ledgerChangeNamesTheOpenPeriodForLateUsageAndTheDaysOfOnTimeUsage() {
        pipeline.ingest(
                "http",
                batch(
                        event().id("late").tenant("globex").at("2026-10-31T10:00:00Z"),
                        event().id("today").at("2026-11-20T10:00:00Z")));

        List<LedgerChanged> changes = events.stream(LedgerChanged.class).toList();
        assertThat(changes).hasSize(1);
        LedgerChanged change = changes.getFirst();
        assertThat(change.tenants()).containsExactlyInAnyOrder("acme", "globex");
        assertThat(change.periods()).containsExactly(YearMonth.of(2026, 11));
        assertThat(change.days()).isEqualTo(Set.of(LocalDate.parse("2026-11-20")));
    }

    @Test
    void batchOfDuplicatesAnnouncesNoChange() {
        pipeline.ingest("http", batch(event().id("on-time").at("2026-10-30T09:00:00Z")));

        assertThat(events.stream(LedgerChanged.class)).isEmpty();
    }

    private LedgerAdjustmentRecord onlyAdjustment() {
        List<LedgerAdjustmentRecord> adjustments =
                dsl.selectFrom(LEDGER_ADJUSTMENT).fetch();
        assertThat(adjustments).hasSize(1);
        return adjustments.getFirst();
    }
}
