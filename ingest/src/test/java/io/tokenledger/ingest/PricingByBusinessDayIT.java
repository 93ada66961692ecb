package io.tokenledger.ingest;

import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.jooq.tables.records.UsageDailyRecord;
import io.tokenledger.db.jooq.tables.records.UsageEventRecord;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCards;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Which rate-card version prices an event, decided by the business day in Europe/Berlin (CET, UTC+1, from
 * 2026-10-25), and how stored usage follows when versions are published later.
 */
@SpringBootTest(properties = "tokenledger.business-zone=Europe/Berlin")
@UsesTestDatabase
class PricingByBusinessDayIT {

    private static final LocalDate OCT_31 = LocalDate.parse("2026-10-31");
    private static final LocalDate NOV_1 = LocalDate.parse("2026-11-01");
    private static final String MODEL = "gpt-4o-2024-08-06";

    private final IngestPipeline pipeline;
    private final RateCards rateCards;
    private final Ledger ledger;

    @Autowired
    PricingByBusinessDayIT(IngestPipeline pipeline, RateCards rateCards, DSLContext dsl) {
        this.pipeline = pipeline;
        this.rateCards = rateCards;
        this.ledger = new Ledger(dsl);
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @Test
    void priceChangeAtEffectiveFromAppliesOnlyToEventsFromThatDay() {
        RateCard october = publish(RateCardFixture.card("gpt-4o", "2026-10-01", "2.00", "1.00", "8.00", "8.00"));
        RateCard november = publish(RateCardFixture.card("gpt-4o", "2026-11-01", "2.50", "1.25", "10.00", "12.00"));

        pipeline.ingest(
                "http",
                batch(
                        // 23:30 in Berlin on Oct 31
                        event().id("late-oct").at("2026-10-31T22:30:00Z").tokens(1000, 0, 100, 0),
                        // the last instant of Oct 31 in Berlin
                        event().id("last-oct").at("2026-10-31T22:59:59.999Z").tokens(1000, 0, 100, 0),
                        // midnight in Berlin: Nov 1 already, although it is still Oct 31 in UTC
                        event().id("midnight").at("2026-10-31T23:00:00Z").tokens(1000, 0, 100, 0),
                        // 00:30 in Berlin on Nov 1
                        event().id("early-nov").at("2026-10-31T23:30:00Z").tokens(1000, 0, 100, 0)));

        // old: 1000 × 2.00/1M + 100 × 8.00/1M = 0.002 + 0.0008 = 0.0028
        // new: 1000 × 2.50/1M + 100 × 10.00/1M = 0.0025 + 0.001 = 0.0035
        assertPricedBy("late-oct", OCT_31, october, "0.0028");
        assertPricedBy("last-oct", OCT_31, october, "0.0028");
        assertPricedBy("midnight", NOV_1, november, "0.0035");
        assertPricedBy("early-nov", NOV_1, november, "0.0035");
        UsageDailyRecord oct31 = ledger.daily(OCT_31, "acme", "gpt-4o", MODEL);
        assertThat(oct31.getRequests()).isEqualTo(2L);
        assertThat(oct31.getCost()).isEqualByComparingTo("0.0056");
        UsageDailyRecord nov1 = ledger.daily(NOV_1, "acme", "gpt-4o", MODEL);
        assertThat(nov1.getRequests()).isEqualTo(2L);
        assertThat(nov1.getCost()).isEqualByComparingTo("0.0070");
        assertThat(ledger.dailyRows()).hasSize(2);
    }

    @Test
    void unpricedUsageIsStoredAndCountedAsUnpriced() {
        publish(RateCardFixture.flat("gpt-4o", "2026-10-01", "1"));

        IngestResult result = pipeline.ingest(
                "http",
                batch(
                        event().id("new-1").deployment("gpt-5-preview").at("2026-11-03T10:00:00Z"),
                        event().id("new-2")
                                .deployment("gpt-5-preview")
                                .at("2026-11-03T11:00:00Z")
                                .requests(3),
                        event().id("priced").deployment("gpt-4o").at("2026-11-03T12:00:00Z")));

        assertThat(result.accepted()).isEqualTo(3);
        assertThat(result.rejected()).isZero();
        UsageEventRecord unpriced = ledger.event("new-1");
        assertThat(unpriced.getCost()).isNull();
        assertThat(unpriced.getRateCardId()).isNull();
        assertThat(unpriced.getPromptTokens()).isEqualTo(1000L);
        UsageDailyRecord day = ledger.daily(LocalDate.parse("2026-11-03"), "acme", "gpt-5-preview", MODEL);
        assertThat(day.getRequests()).isEqualTo(4L);
        assertThat(day.getUnpricedRequests()).isEqualTo(4L);
        assertThat(day.getPromptTokens()).isEqualTo(2000L);
        assertThat(day.getCost()).isEqualByComparingTo("0");
        UsageDailyRecord pricedDay = ledger.daily(LocalDate.parse("2026-11-03"), "acme", "gpt-4o", MODEL);
        assertThat(pricedDay.getUnpricedRequests()).isZero();
        // (1000 + 200) tokens × 1 per 1M
        assertThat(pricedDay.getCost()).isEqualByComparingTo("0.0012");
    }

    @Test
    void unpricedUsageIsPricedWhenItsRateCardIsPublished() {
        pipeline.ingest(
                "http",
                batch(
                        event().id("before").deployment("gpt-5-preview").at("2026-10-30T10:00:00Z"),
                        event().id("nov-3").deployment("gpt-5-preview").at("2026-11-03T10:00:00Z"),
                        event().id("nov-4")
                                .deployment("gpt-5-preview")
                                .at("2026-11-04T10:00:00Z")
                                .requests(2)
                                .tokens(2000, 500, 300, 100)));
        assertThat(ledger.daily(LocalDate.parse("2026-11-03"), "acme", "gpt-5-preview", MODEL)
                        .getUnpricedRequests())
                .isEqualTo(1L);

        RateCard card = publish(RateCardFixture.card("gpt-5-preview", "2026-11-01", "2.50", "1.25", "10.00", "12.00"));

        // nov-3: 1000 × 2.50/1M + 200 × 10.00/1M = 0.0025 + 0.002 = 0.0045
        // nov-4: 1500 × 2.50/1M + 500 × 1.25/1M + 200 × 10.00/1M + 100 × 12.00/1M
        //      = 0.00375 + 0.000625 + 0.002 + 0.0012 = 0.007575
        assertPricedBy("nov-3", LocalDate.parse("2026-11-03"), card, "0.0045");
        assertPricedBy("nov-4", LocalDate.parse("2026-11-04"), card, "0.007575");
        UsageDailyRecord nov3 = ledger.daily(LocalDate.parse("2026-11-03"), "acme", "gpt-5-preview", MODEL);
        assertThat(nov3.getCost()).isEqualByComparingTo("0.0045");
        assertThat(nov3.getUnpricedRequests()).isZero();
        UsageDailyRecord nov4 = ledger.daily(LocalDate.parse("2026-11-04"), "acme", "gpt-5-preview", MODEL);
        assertThat(nov4.getCost()).isEqualByComparingTo("0.007575");
        assertThat(nov4.getRequests()).isEqualTo(2L);
        assertThat(nov4.getUnpricedRequests()).isZero();
        // before the first version nothing prices it: it stays visible as unpriced
        assertThat(ledger.event("before").getCost()).isNull();
        UsageDailyRecord oct30 = ledger.daily(LocalDate.parse("2026-10-30"), "acme", "gpt-5-preview", MODEL);
        assertThat(oct30.getUnpricedRequests()).isEqualTo(1L);
        assertThat(oct30.getCost()).isEqualByComparingTo("0");
    }

    @Test
    void correctionWithPastEffectiveFromRepricesOnlyItsInterval() {
        RateCard october = publish(RateCardFixture.flat("gpt-4o", "2026-10-01", "1.00"));
        RateCard november = publish(RateCardFixture.flat("gpt-4o", "2026-11-01", "3.00"));
        pipeline.ingest(
                "http",
                batch(
                        event().id("oct-10").at("2026-10-10T10:00:00Z").tokens(1000, 0, 0, 0),
                        // Oct 15 00:30 in Berlin (CEST, UTC+2), still Oct 14 in UTC
                        event().id("oct-15-early").at("2026-10-14T22:30:00Z").tokens(1000, 0, 0, 0),
                        event().id("oct-14-late")
                                .at("2026-10-14T21:30:00Z")
                                .tokens(1000, 0, 0, 0)
                                .tenant("globex"),
                        event().id("oct-20").at("2026-10-20T10:00:00Z").tokens(1000, 0, 0, 0),
                        event().id("oct-31-late").at("2026-10-31T22:30:00Z").tokens(1000, 0, 0, 0),
                        event().id("nov-1-early").at("2026-10-31T23:30:00Z").tokens(1000, 0, 0, 0),
                        event().id("nov-5").at("2026-11-05T10:00:00Z").tokens(1000, 0, 0, 0)));
        List<UsageDailyRecord> novemberBefore = ledger.dailyRows().stream()
                .filter(row -> !row.getUsageDay().isBefore(NOV_1))
                .toList();

        RateCard correction = publish(RateCardFixture.flat("gpt-4o", "2026-10-15", "2.00"));

        // 1000 prompt tokens at 1.00, 2.00, 3.00 per 1M
        assertPricedBy("oct-10", LocalDate.parse("2026-10-10"), october, "0.001");
        assertPricedBy("oct-14-late", LocalDate.parse("2026-10-14"), october, "0.001");
        assertPricedBy("oct-15-early", LocalDate.parse("2026-10-15"), correction, "0.002");
        assertPricedBy("oct-20", LocalDate.parse("2026-10-20"), correction, "0.002");
        assertPricedBy("oct-31-late", OCT_31, correction, "0.002");
        assertPricedBy("nov-1-early", NOV_1, november, "0.003");
        assertPricedBy("nov-5", LocalDate.parse("2026-11-05"), november, "0.003");
        assertThat(ledger.dailyRows().stream()
                        .filter(row -> !row.getUsageDay().isBefore(NOV_1))
                        .toList())
                .isEqualTo(novemberBefore);
        assertThat(ledger.daily(LocalDate.parse("2026-10-15"), "acme", "gpt-4o", MODEL)
                        .getCost())
                .isEqualByComparingTo("0.002");
        assertThat(ledger.daily(LocalDate.parse("2026-10-14"), "globex", "gpt-4o", MODEL)
                        .getCost())
                .isEqualByComparingTo("0.001");
        assertThat(ledger.rollup()).isEqualTo(ledger.rollupFromEvents());
        // 2 × 0.001 + 3 × 0.002 + 2 × 0.003
        assertThat(ledger.totalDailyCost()).isEqualByComparingTo("0.014");
    }

    private RateCard publish(NewRateCard card) {
        return rateCards.publish(card, "test");
    }

    private void assertPricedBy(String eventId, LocalDate day, RateCard card, String cost) {
        UsageEventRecord stored = ledger.event(eventId);
        assertThat(stored.getUsageDay()).as("business day of %s", eventId).isEqualTo(day);
        assertThat(stored.getRateCardId()).as("rate card of %s", eventId).isEqualTo(card.id());
        assertThat(stored.getCost()).as("cost of %s", eventId).isEqualByComparingTo(cost);
    }
}
