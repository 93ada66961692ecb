package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.TENANT;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.UsageEventFixture.batch;
import static io.tokenledger.ingest.UsageEventFixture.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.jooq.tables.records.UsageDailyRecord;
import io.tokenledger.db.jooq.tables.records.UsageEventRecord;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.UsagePayloadParser;
import io.tokenledger.pricing.RateCards;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The pipeline on real PostgreSQL in the default business zone (UTC): dedupe, pricing, tenants, shapes. */
@SpringBootTest
@UsesTestDatabase
class IngestPipelineIT {

    private static final LocalDate NOV_3 = LocalDate.parse("2026-11-03");

    private final IngestPipeline pipeline;
    private final RateCards rateCards;
    private final UsagePayloadParser parser;
    private final DSLContext dsl;
    private final Ledger ledger;

    @Autowired
    IngestPipelineIT(IngestPipeline pipeline, RateCards rateCards, UsagePayloadParser parser, DSLContext dsl) {
        this.pipeline = pipeline;
        this.rateCards = rateCards;
        this.parser = parser;
        this.dsl = dsl;
        this.ledger = new Ledger(dsl);
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
    }

    @Test
    void duplicateIdInSameBatchIsCountedOnce() {
        IngestResult result = pipeline.ingest(
                "http",
                batch(
                        event().id("e1").tokens(1000, 0, 200, 0),
                        event().id("e1").tokens(9999, 0, 9999, 0),
                        event().id("e2").tokens(500, 0, 100, 0)));

        assertThat(result.accepted()).isEqualTo(2);
        assertThat(result.duplicates()).isEqualTo(1);
        assertThat(result.rejected()).isZero();
        assertThat(ledger.eventCount()).isEqualTo(2);
        // the first record with an id is the one kept
        assertThat(ledger.event("e1").getPromptTokens()).isEqualTo(1000L);
        UsageDailyRecord day = ledger.daily(NOV_3, "acme", "gpt-4o", "gpt-4o-2024-08-06");
        assertThat(day.getRequests()).isEqualTo(2L);
        assertThat(day.getPromptTokens()).isEqualTo(1500L);
        assertThat(day.getCompletionTokens()).isEqualTo(300L);
    }

    @Test
    void duplicateIdInLaterBatchIsCountedOnce() {
        rateCards.publish(RateCardFixture.flat("gpt-4o", "2026-01-01", "10"), "test");
        pipeline.ingest("http", batch(event().id("e1"), event().id("e2")));
        UsageDailyRecord before = ledger.daily(NOV_3, "acme", "gpt-4o", "gpt-4o-2024-08-06");

        IngestResult resent = pipeline.ingest("http", batch(event().id("e2"), event().id("e1")));

        assertThat(resent.accepted()).isZero();
        assertThat(resent.duplicates()).isEqualTo(2);
        assertThat(ledger.daily(NOV_3, "acme", "gpt-4o", "gpt-4o-2024-08-06")).isEqualTo(before);

        IngestResult overlapping = pipeline.ingest("eventhubs", batch(event().id("e2"), event().id("e3")));

        assertThat(overlapping.accepted()).isEqualTo(1);
        assertThat(overlapping.duplicates()).isEqualTo(1);
        assertThat(ledger.eventCount()).isEqualTo(3);
        // the repeat keeps the source that stored it first
        assertThat(ledger.event("e2").getSource()).isEqualTo("http");
        UsageDailyRecord after = ledger.daily(NOV_3, "acme", "gpt-4o", "gpt-4o-2024-08-06");
        assertThat(after.getRequests()).isEqualTo(3L);
        assertThat(after.getPromptTokens()).isEqualTo(3000L);
        assertThat(after.getCompletionTokens()).isEqualTo(600L);
        // 3 × (1000 + 200) tokens × 10 per 1M = 0.036
        assertThat(after.getCost()).isEqualByComparingTo("0.036");
    }

    @Test
    void cachedAndReasoningTokensArePricedAsSubsetsNeverTwice() {
        rateCards.publish(RateCardFixture.card("gpt-4o", "2026-10-01", "2.50", "1.25", "10.00", "12.00"), "test");

        pipeline.ingest("http", batch(event().id("e1").tokens(1000, 400, 500, 200)));

        // uncached prompt 600 × 2.50/1M = 0.0015, cached 400 × 1.25/1M = 0.0005,
        // visible completion 300 × 10.00/1M = 0.003, reasoning 200 × 12.00/1M = 0.0024 → 0.0074
        UsageEventRecord stored = ledger.event("e1");
        assertThat(stored.getCost()).isEqualByComparingTo("0.0074");
        assertThat(stored.getPromptTokens()).isEqualTo(1000L);
        assertThat(stored.getCachedPromptTokens()).isEqualTo(400L);
        assertThat(stored.getCompletionTokens()).isEqualTo(500L);
        assertThat(stored.getReasoningTokens()).isEqualTo(200L);
        UsageDailyRecord day = ledger.daily(NOV_3, "acme", "gpt-4o", "gpt-4o-2024-08-06");
        assertThat(day.getCost()).isEqualByComparingTo("0.0074");
        assertThat(day.getUnpricedRequests()).isZero();
    }

    @Test
    void tenantIsExplicitTenantElseSubscriptionNameElseIdElseUnassigned() {
        pipeline.ingest(
                "http",
                batch(
                        event().id("explicit").tenant("team-a").subscription("sub-1234", "tenant-acme"),
                        event().id("by-name").tenant(null).subscription("sub-1234", "tenant-acme"),
                        event().id("by-id").tenant(null).subscription("sub-5678", null),
                        event().id("nobody").tenant(null).subscription(null, null)));

        assertThat(ledger.event("explicit").getTenantKey()).isEqualTo("team-a");
        assertThat(ledger.event("by-name").getTenantKey()).isEqualTo("tenant-acme");
        assertThat(ledger.event("by-id").getTenantKey()).isEqualTo("sub-5678");
        assertThat(ledger.event("nobody").getTenantKey()).isEqualTo("unassigned");
        assertThat(dsl.select(TENANT.TENANT_KEY).from(TENANT).fetch(TENANT.TENANT_KEY))
                .containsExactlyInAnyOrder("team-a", "tenant-acme", "sub-5678", "unassigned");
        assertThat(ledger.daily(NOV_3, "unassigned", "gpt-4o", "gpt-4o-2024-08-06")
                        .getRequests())
                .isEqualTo(1L);
    }

    @Test
    void openAiUsageShapeAndFlatFieldsProduceIdenticalLedgerLines() {
        rateCards.publish(RateCardFixture.card("gpt-4o", "2026-10-01", "2.50", "1.25", "10.00", "12.00"), "test");
        String flat = """
                {"id":"flat-1","time":"2026-11-03T10:00:00Z","tenant":"flat","deployment":"gpt-4o",
                 "model":"gpt-4o-2024-08-06","promptTokens":1000,"cachedPromptTokens":400,
                 "completionTokens":500,"reasoningTokens":200,"totalTokens":1500}""";
        String openAi = """
                {"id":"usage-1","time":"2026-11-03T11:00:00+01:00","tenant":"openai","deployment":"gpt-4o",
                 "model":"gpt-4o-2024-08-06","usage":{"prompt_tokens":1000,"completion_tokens":500,
                 "total_tokens":1500,"prompt_tokens_details":{"cached_tokens":400},
                 "completion_tokens_details":{"reasoning_tokens":200}}}""";
        List<ParsedRecord> records = new ArrayList<>(parse(flat));
        records.addAll(parse(openAi));
        assertThat(records).allMatch(ParsedRecord.Valid.class::isInstance);

        IngestResult result = pipeline.ingest("http", records);

        assertThat(result.accepted()).isEqualTo(2);
        UsageEventRecord fromFlat = ledger.event("flat-1");
        UsageEventRecord fromUsage = ledger.event("usage-1");
        assertThat(fromUsage.getEventTime()).isEqualTo(fromFlat.getEventTime());
        assertThat(List.of(
                        fromUsage.getPromptTokens(),
                        fromUsage.getCachedPromptTokens(),
                        fromUsage.getCompletionTokens(),
                        fromUsage.getReasoningTokens()))
                .containsExactly(1000L, 400L, 500L, 200L)
                .isEqualTo(List.of(
                        fromFlat.getPromptTokens(),
                        fromFlat.getCachedPromptTokens(),
                        fromFlat.getCompletionTokens(),
                        fromFlat.getReasoningTokens()));
        // 600 × 2.50 + 400 × 1.25 + 300 × 10.00 + 200 × 12.00 per 1M = 0.0074 for both
        assertThat(fromFlat.getCost()).isEqualByComparingTo("0.0074");
        assertThat(fromUsage.getCost()).isEqualByComparingTo("0.0074");
        UsageDailyRecord flatLine = ledger.daily(NOV_3, "flat", "gpt-4o", "gpt-4o-2024-08-06");
        UsageDailyRecord usageLine = ledger.daily(NOV_3, "openai", "gpt-4o", "gpt-4o-2024-08-06");
        usageLine.setTenantKey("flat");
        assertThat(usageLine).isEqualTo(flatLine);
    }

    @Test
    void eventWithoutModelIsRolledUpUnderEmptyModel() {
        pipeline.ingest(
                "http", batch(event().id("e1").model(null), event().id("e2").model(null)));

        assertThat(ledger.event("e1").getModel()).isEmpty();
        assertThat(ledger.daily(NOV_3, "acme", "gpt-4o", "").getRequests()).isEqualTo(2L);
    }

    @Test
    void preAggregatedRecordCountsItsRequests() {
        pipeline.ingest("kql", batch(event().id("bin-1").requests(25).tokens(50_000, 0, 10_000, 0)));

        UsageDailyRecord day = ledger.daily(NOV_3, "acme", "gpt-4o", "gpt-4o-2024-08-06");
        assertThat(day.getRequests()).isEqualTo(25L);
        assertThat(day.getUnpricedRequests()).isEqualTo(25L);
        assertThat(dsl.fetchCount(USAGE_EVENT)).isEqualTo(1);
    }

    private List<ParsedRecord> parse(String json) {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8), "application/json");
    }
}
