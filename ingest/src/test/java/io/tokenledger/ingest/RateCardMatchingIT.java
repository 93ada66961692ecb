package io.tokenledger.ingest;

import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.pricing.LongContextTier;
import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Which card prices an event (deployment vs model patterns) and long-context tiers, priced in PostgreSQL. */
@SpringBootTest
@UsesTestDatabase
class RateCardMatchingIT {

    private final IngestPipeline pipeline;
    private final RateCards rateCards;
    private final Ledger ledger;

    @Autowired
    RateCardMatchingIT(IngestPipeline pipeline, RateCards rateCards, DSLContext dsl) {
        this.pipeline = pipeline;
        this.rateCards = rateCards;
        this.ledger = new Ledger(dsl);
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @Test
    void longContextTierPricesTheWholeRequestOnlyAboveItsThreshold() {
        // base 2.50 / 1.25 / 10.00; above 128,000 prompt tokens 5.00 / 2.50 / 20.00 (reasoning = completion)
        rateCards.publish(
                new NewRateCard(
                        MatchKind.DEPLOYMENT,
                        "gpt-4.1",
                        "USD",
                        LocalDate.parse("2026-01-01"),
                        prices("2.50", "1.25", "10.00"),
                        new LongContextTier(128_000, prices("5.00", "2.50", "20.00")),
                        "long-context pricing"),
                "test");

        pipeline.ingest(
                "test",
                batch(
                        event().id("at-threshold").deployment("gpt-4.1").tokens(128_000, 28_000, 1_000, 0),
                        event().id("above-threshold").deployment("gpt-4.1").tokens(128_001, 28_000, 1_000, 0)));

        // at the threshold: 100,000 × 2.50e-6 + 28,000 × 1.25e-6 + 1,000 × 10e-6 = 0.25 + 0.035 + 0.01
        assertThat(ledger.event("at-threshold").getCost()).isEqualByComparingTo("0.295");
        // one token more, all at the tier: 100,001 × 5e-6 + 28,000 × 2.5e-6 + 1,000 × 20e-6 = 0.500005 + 0.07 + 0.02
        assertThat(ledger.event("above-threshold").getCost()).isEqualByComparingTo("0.590005");
    }

    @Test
    void modelCardsPriceDeploymentsWithoutTheirOwnCardAndExactBeatsRegex() {
        RateCard regex = publish(MatchKind.MODEL_REGEX, "gpt-4o.*", "1.00");
        RateCard exact = publish(MatchKind.MODEL_EXACT, "gpt-4o-2024-08-06", "2.00");
        RateCard deployment = publish(MatchKind.DEPLOYMENT, "reserved-chat", "3.00");

        pipeline.ingest(
                "test",
                batch(
                        event().id("exact").deployment("chat-a").model("gpt-4o-2024-08-06"),
                        event().id("regex").deployment("chat-b").model("gpt-4o-mini-2024-07-18"),
                        event().id("own-card").deployment("reserved-chat").model("gpt-4o-2024-08-06"),
                        event().id("unpriced").deployment("chat-c").model("o3-mini")));

        assertThat(ledger.event("exact").getRateCardId()).isEqualTo(exact.id());
        assertThat(ledger.event("regex").getRateCardId()).isEqualTo(regex.id());
        assertThat(ledger.event("own-card").getRateCardId()).isEqualTo(deployment.id());
        assertThat(ledger.event("unpriced").getCost()).isNull();
    }

    private RateCard publish(MatchKind kind, String pattern, String price) {
        return rateCards.publish(
                new NewRateCard(
                        kind, pattern, "USD", LocalDate.parse("2026-01-01"), prices(price, price, price), null, null),
                "test");
    }

    private static Prices prices(String prompt, String cached, String completion) {
        BigDecimal completionPrice = new BigDecimal(completion);
        return new Prices(new BigDecimal(prompt), new BigDecimal(cached), completionPrice, completionPrice);
    }
}
