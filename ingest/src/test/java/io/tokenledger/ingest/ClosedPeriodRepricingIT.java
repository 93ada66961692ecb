package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.LEDGER_ADJUSTMENT;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.jooq.tables.records.LedgerAdjustmentRecord;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A price correction never rewrites a closed period: its events are re-priced, its rollups stay, and the exact
 * difference is booked as a {@code REPRICING} adjustment in the open period. Open periods are re-priced in place.
 * Today is 20 November 2026; October is closed. Each default event has 1,200 tokens.
 */
class ClosedPeriodRepricingIT extends NovemberTodayTest {

    private final IngestPipeline pipeline;
    private final RateCards rateCards;
    private final DSLContext dsl;
    private final Ledger ledger;

    @Autowired
    ClosedPeriodRepricingIT(IngestPipeline pipeline, RateCards rateCards, DSLContext dsl) {
        this.pipeline = pipeline;
        this.rateCards = rateCards;
        this.dsl = dsl;
        this.ledger = new Ledger(dsl);
    }

    @BeforeEach
    void octoberClosedWithUsageAtTenPerMillion() {
        TestDatabase.get().reset();
        rateCards.publish(RateCardFixture.flat("gpt-4o", "2026-01-01", "10"), "test");
        pipeline.ingest(
                "http",
                batch(
                        event().id("oct").at("2026-10-10T10:00:00Z"),
                        event().id("oct-llama").deployment("llama").at("2026-10-11T10:00:00Z"),
                        event().id("nov").at("2026-11-10T10:00:00Z")));
        BillingPeriodFixture.close(dsl, BillingPeriodFixture.PREVIOUS);
        pipeline.ingest("http", batch(event().id("oct-late").at("2026-10-31T10:00:00Z")));
    }

    @Test
    void aCorrectedPriceBooksTheDifferenceOfTheClosedPeriodAndRepricesTheOpenOne() {
        List<Ledger.RollupLine> october = octoberRollup();

        rateCards.publish(RateCardFixture.flat("gpt-4o", "2026-10-01", "25"), "test");

        assertThat(octoberRollup()).as("closed October's rollups").isEqualTo(october);
        // the events themselves carry the corrected price, the late one included
        assertThat(ledger.event("oct").getCost()).isEqualByComparingTo("0.03");
        assertThat(ledger.event("oct-late").getCost()).isEqualByComparingTo("0.03");
        LedgerAdjustmentRecord repricing = adjustment("REPRICING");
        assertThat(repricing.getBookedPeriod()).isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(repricing.getRefersToPeriod()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(repricing.getTenantKey()).isEqualTo("acme");
        // two October events of 1,200 tokens, from 10 to 25 per 1M: 2 × 0.018
        assertThat(repricing.getCost()).isEqualByComparingTo("0.036");
        assertThat(repricing.getRequests()).isZero();
        assertThat(ledger.daily(LocalDate.parse("2026-11-10"), "acme", "gpt-4o", "gpt-4o-2024-08-06")
                        .getCost())
                .isEqualByComparingTo("0.03");
        // frozen rollups + late usage + re-pricing = what the October events now cost
        BigDecimal late = adjustment("LATE_USAGE").getCost();
        BigDecimal frozen = october.stream().map(Ledger.RollupLine::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal octoberEvents = dsl.select(DSL.sum(USAGE_EVENT.COST))
                .from(USAGE_EVENT)
                .where(USAGE_EVENT.USAGE_DAY.lt(LocalDate.parse("2026-11-01")))
                .fetchSingle()
                .value1();
        assertThat(frozen.add(late).add(repricing.getCost())).isEqualByComparingTo(octoberEvents);
    }

    @Test
    void pricingUnpricedUsageOfAClosedPeriodBooksItsCostAndFewerUnpricedRequests() {
        rateCards.publish(RateCardFixture.flat("llama", "2026-01-01", "5"), "test");

        LedgerAdjustmentRecord repricing = adjustment("REPRICING");
        assertThat(repricing.getDeployment()).isEqualTo("llama");
        assertThat(repricing.getCost()).isEqualByComparingTo("0.006");
        assertThat(repricing.getUnpricedRequests()).isEqualTo(-1L);
        assertThat(ledger.daily(LocalDate.parse("2026-10-11"), "acme", "llama", "gpt-4o-2024-08-06")
                        .getUnpricedRequests())
                .as("the frozen rollup still says unpriced")
                .isEqualTo(1L);
    }

    @Test
    void aModelCardDoesNotTakeOverUsageThatADeploymentCardPrices() {
        rateCards.publish(
                new NewRateCard(
                        MatchKind.MODEL_EXACT,
                        "gpt-4o-2024-08-06",
                        "USD",
                        LocalDate.parse("2026-01-01"),
                        new Prices(
                                new BigDecimal("99"), new BigDecimal("99"), new BigDecimal("99"), new BigDecimal("99")),
                        null,
                        null),
                "test");

        assertThat(ledger.event("nov").getCost()).isEqualByComparingTo("0.012");
        assertThat(ledger.event("oct-llama").getCost())
                .as("llama has no deployment card")
                .isEqualByComparingTo("0.1188");
        assertThat(adjustment("REPRICING").getDeployment()).isEqualTo("llama");
    }

    private List<Ledger.RollupLine> octoberRollup() {
        return ledger.rollup().stream()
                .filter(line -> line.day().getMonthValue() == 10)
                .toList();
    }

    private LedgerAdjustmentRecord adjustment(String cause) {
        List<LedgerAdjustmentRecord> rows = dsl.selectFrom(LEDGER_ADJUSTMENT)
                .where(LEDGER_ADJUSTMENT.CAUSE.eq(cause))
                .fetch();
        assertThat(rows).as(cause).hasSize(1);
        return rows.getFirst();
    }
}
