package io.tokenledger.ingest;

import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCards;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The daily rollup kept incrementally by the pipeline and by re-pricing never drifts from its events. */
@SpringBootTest
@UsesTestDatabase
class DailyRollupIT {

    private static final int EVENTS = 3000;
    private static final int BATCHES = 6;
    private static final int RESENT_PER_BATCH = 50;
    private static final Instant FIRST = Instant.parse("2026-11-01T00:00:00Z");
    private static final long SPAN_SECONDS = 5 * 24 * 3600; // Nov 1 to Nov 5 (UTC business days)
    private static final String[] DEPLOYMENTS = {"gpt-4o", "gpt-4o-mini", "o3-preview"};
    private static final String[] MODELS = {"model-a", "model-b", null};
    private static final BigDecimal PER_TOKEN = new BigDecimal("0.000001");

    private final IngestPipeline pipeline;
    private final RateCards rateCards;
    private final Ledger ledger;

    /** deployment → effectiveFrom → prices, mirroring what has been published (o3-preview is never priced). */
    private final Map<String, NavigableMap<LocalDate, Prices>> published = new HashMap<>();

    @Autowired
    DailyRollupIT(IngestPipeline pipeline, RateCards rateCards, DSLContext dsl) {
        this.pipeline = pipeline;
        this.rateCards = rateCards;
        this.ledger = new Ledger(dsl);
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
        published.clear();
    }

    @Test
    void dailyRollupEqualsTheSumOfItsEvents() {
        Random random = new Random(20261103);
        List<UsageEventFixture> events = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            events.add(randomEvent(random, "ev-" + i));
        }
        publish(RateCardFixture.card("gpt-4o", "2026-11-01", "2.50", "1.25", "10.00", "12.00"));
        publish(RateCardFixture.card("gpt-4o-mini", "2026-11-03", "0.15", "0.075", "0.60", "0.60"));

        int perBatch = EVENTS / BATCHES;
        int accepted = 0;
        int duplicates = 0;
        for (int b = 0; b < BATCHES; b++) {
            List<UsageEventFixture> chunk = new ArrayList<>(events.subList(b * perBatch, (b + 1) * perBatch));
            if (b > 0) {
                // a retried tail of the previous batch, with other counts: must change nothing
                for (int i = 0; i < RESENT_PER_BATCH; i++) {
                    chunk.add(randomEvent(random, "ev-" + (b * perBatch - 1 - i)));
                }
            }
            IngestResult result = pipeline.ingest("http", batch(chunk));
            accepted += result.accepted();
            duplicates += result.duplicates();
            if (b == 2) {
                // a new version mid-way re-prices what is stored from Nov 4 on; later batches use it directly
                publish(RateCardFixture.card("gpt-4o", "2026-11-04", "2.00", "0.50", "8.00", "8.00"));
            }
        }

        assertThat(accepted).isEqualTo(EVENTS);
        assertThat(duplicates).isEqualTo((BATCHES - 1) * RESENT_PER_BATCH);
        List<Ledger.RollupLine> rollup = ledger.rollup();
        assertThat(rollup).hasSizeGreaterThan(50).isEqualTo(ledger.rollupFromEvents());

        // and the events are the ones sent: requests, unpriced requests and cost recomputed here, independently
        long requests = 0;
        long unpriced = 0;
        BigDecimal cost = BigDecimal.ZERO;
        for (UsageEventFixture sent : events) {
            UsageEvent event = sent.build();
            requests += event.requests();
            BigDecimal eventCost = expectedCost(event);
            if (eventCost == null) {
                unpriced += event.requests();
            } else {
                cost = cost.add(eventCost);
            }
        }
        assertThat(unpriced).isPositive().isLessThan(requests);
        assertThat(rollup.stream().mapToLong(Ledger.RollupLine::requests).sum()).isEqualTo(requests);
        assertThat(rollup.stream()
                        .mapToLong(Ledger.RollupLine::unpricedRequests)
                        .sum())
                .isEqualTo(unpriced);
        assertThat(ledger.totalDailyCost()).isEqualByComparingTo(cost);
        assertThat(ledger.totalEventCost()).isEqualByComparingTo(cost);
        assertThat(ledger.narrowRollupMismatches())
                .as("month rollups kept by the daily rollup's triggers")
                .isEmpty();
    }

    private void publish(NewRateCard card) {
        rateCards.publish(card, "test");
        published.computeIfAbsent(card.pattern(), d -> new TreeMap<>()).put(card.effectiveFrom(), card.prices());
    }

    private BigDecimal expectedCost(UsageEvent event) {
        NavigableMap<LocalDate, Prices> versions = published.get(event.deployment());
        LocalDate day = LocalDate.ofInstant(event.time(), ZoneOffset.UTC);
        var version = versions == null ? null : versions.floorEntry(day);
        if (version == null) {
            return null;
        }
        Prices prices = version.getValue();
        var tokens = event.tokens();
        return BigDecimal.valueOf(tokens.uncachedPrompt())
                .multiply(prices.prompt())
                .add(BigDecimal.valueOf(tokens.cachedPrompt()).multiply(prices.cachedPrompt()))
                .add(BigDecimal.valueOf(tokens.visibleCompletion()).multiply(prices.completion()))
                .add(BigDecimal.valueOf(tokens.reasoning()).multiply(prices.reasoning()))
                .multiply(PER_TOKEN);
    }

    private static UsageEventFixture randomEvent(Random random, String id) {
        long prompt = random.nextInt(8000);
        long completion = random.nextInt(2000);
        UsageEventFixture event = event().id(id)
                .at(FIRST.plusSeconds(random.nextLong(SPAN_SECONDS)))
                .deployment(DEPLOYMENTS[random.nextInt(DEPLOYMENTS.length)])
                .model(MODELS[random.nextInt(MODELS.length)])
                .tokens(prompt, random.nextLong(prompt + 1), completion, random.nextLong(completion + 1))
                .requests(random.nextInt(10) == 0 ? 1 + random.nextInt(20) : 1);
        return switch (random.nextInt(5)) {
            case 0 -> event.tenant("acme");
            case 1 -> event.tenant("globex");
            case 2 -> event.tenant("initech");
            case 3 -> event.tenant(null).subscription("sub-4711", "umbrella");
            default -> event.tenant(null).subscription(null, null);
        };
    }
}
