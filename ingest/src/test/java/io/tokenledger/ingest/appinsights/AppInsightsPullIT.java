package io.tokenledger.ingest.appinsights;

import static io.tokenledger.db.jooq.Tables.APPINSIGHTS_WATERMARK;
import static io.tokenledger.db.jooq.Tables.USAGE_DAILY;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.appinsights.QueryAnswer.rows;
import static io.tokenledger.ingest.appinsights.SettingsFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import io.tokenledger.db.jooq.tables.records.UsageEventRecord;
import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The real {@code LogsQueryClient} against a local HTTPS Log Analytics stand-in, on the real ledger: aggregate rows
 * become usage, grown bins are corrected by their delta, repeated windows count once, and the watermark only moves
 * over windows that were read completely.
 */
@SpringBootTest
@UsesTestDatabase
class AppInsightsPullIT {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final LocalDate NOV_20 = LocalDate.parse("2026-11-20");
    private static LogAnalyticsServer server;

    private final PullClaims claims;
    private final WindowWriter writer;
    private final DSLContext dsl;

    @Autowired
    AppInsightsPullIT(PullClaims claims, WindowWriter writer, DSLContext dsl) {
        this.claims = claims;
        this.writer = writer;
        this.dsl = dsl;
    }

    @BeforeAll
    static void startServer() throws Exception {
        server = LogAnalyticsServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.get().reset();
        server.forgetRequests();
        server.answer(request -> QueryAnswer.empty().reply());
    }

    @Test
    void aggregateRowsAreBookedWithTheirSumsAndRequestsFromValueCount() throws Exception {
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1840, 212, 5)
                .bin(
                        "2026-11-20T11:00:00Z",
                        Map.of(
                                "tenant",
                                "globex",
                                "deployment",
                                "gpt-4o-mini",
                                "user",
                                "ana@globex.example",
                                "product",
                                "aoai-standard",
                                "backend",
                                "aoai-eastus2"),
                        300,
                        50,
                        2)
                .reply());

        AppInsightsPuller.Pulled pulled = puller(settings(), NOW).pull();

        assertThat(pulled.deltaEvents()).isEqualTo(2);
        assertThat(daily("acme", "gpt-4o")).containsExactly(5L, 1840L, 212L);
        assertThat(daily("globex", "gpt-4o-mini")).containsExactly(2L, 300L, 50L);
        UsageEventRecord globex = dsl.selectFrom(USAGE_EVENT)
                .where(USAGE_EVENT.DEPLOYMENT.eq("gpt-4o-mini"))
                .fetchSingle();
        assertThat(globex.getEventId()).matches("appinsights:2026-11-20T11:00:00Z:[0-9a-f]{32}#1");
        assertThat(globex.getSource()).isEqualTo("appinsights");
        assertThat(globex.getSubscriptionId()).isEqualTo("globex");
        assertThat(globex.getUserId()).isEqualTo("ana@globex.example");
        assertThat(globex.getProductId()).isEqualTo("aoai-standard");
        assertThat(globex.getBackendId()).isEqualTo("aoai-eastus2");
        assertThat(globex.getEventTime().toInstant()).isEqualTo(Instant.parse("2026-11-20T11:00:00Z"));

        LogAnalyticsServer.Request request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1" + SettingsFixture.RESOURCE + "/query");
        assertThat(request.authorization()).isEqualTo("Bearer " + LogAnalyticsServer.TOKEN);
        assertThat(request.kql())
                .contains("customMetrics")
                .contains("sumif(valueSum, name == \"Prompt Tokens\")")
                .contains("sumif(valueCount, name == \"Completion Tokens\")")
                .contains("ingestion_time()")
                .contains("customDimensions[\"Subscription ID\"]")
                .doesNotContainPattern("\\bvalue\\b");
        // first pull: the initial lookback, with the event range widened by the late-arrival allowance
        assertThat(request.ingestFrom()).isEqualTo(NOW.minus(Duration.ofHours(6)));
        assertThat(request.timespan()).startsWith("2026-11-18T06:00");
        assertThat(watermark()).isEqualTo(NOW);
    }

    @Test
    void aBinThatGrowsBetweenPullsIsCorrectedByItsDelta() throws Exception {
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 200, 5)
                .reply());
        puller(settings(), NOW).pull();

        // late data: the same bin now sums to more
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1500, 260, 7)
                .reply());
        AppInsightsPuller.Pulled second =
                puller(settings(), NOW.plus(Duration.ofMinutes(5))).pull();

        assertThat(second.deltaEvents()).isEqualTo(1);
        assertThat(daily("acme", "gpt-4o")).containsExactly(7L, 1500L, 260L);
        List<UsageEventRecord> events =
                dsl.selectFrom(USAGE_EVENT).orderBy(USAGE_EVENT.EVENT_ID).fetch();
        assertThat(events)
                .extracting(e -> e.getEventId().substring(e.getEventId().indexOf('#')))
                .containsExactly("#1", "#2");
        assertThat(events.get(1).getPromptTokens()).isEqualTo(500L);
        assertThat(events.get(1).getCompletionTokens()).isEqualTo(60L);
        assertThat(events.get(1).getRequests()).isEqualTo(2);
        // the second pull read again from the watermark less the overlap
        assertThat(server.requests().getLast().ingestFrom()).isEqualTo(NOW.minus(Duration.ofHours(3)));
    }

    @Test
    void tokensThatGrowWithoutNewRequestsAreBookedWithZeroRequests() throws Exception {
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 200, 5)
                .reply());
        puller(settings(), NOW).pull();
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 450, 5)
                .reply());
        puller(settings(), NOW.plusSeconds(60)).pull();

        assertThat(daily("acme", "gpt-4o")).containsExactly(5L, 1000L, 450L);
        assertThat(dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.REQUESTS.eq(0))).isEqualTo(1);
    }

    @Test
    void aWindowPulledTwiceCountsOnce() throws Exception {
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 200, 5)
                .bin("2026-11-20T11:00:00Z", "acme", "gpt-4o", 400, 40, 1)
                .reply());
        puller(settings(), NOW).pull();
        // a second instance (another claim owner) reads the very same window again
        AppInsightsPuller.Pulled again = puller(settings(), NOW).pull();

        assertThat(again.rows()).isEqualTo(2);
        assertThat(again.deltaEvents()).isZero();
        assertThat(daily("acme", "gpt-4o")).containsExactly(6L, 1400L, 240L);
        assertThat(dsl.fetchCount(USAGE_EVENT)).isEqualTo(2);
    }

    @Test
    void aSmallerSumNeverTakesUsageBack() throws Exception {
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 200, 5)
                .reply());
        puller(settings(), NOW).pull();
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 900, 200, 5)
                .reply());
        AppInsightsPuller.Pulled shrunk =
                puller(settings(), NOW.plusSeconds(60)).pull();

        assertThat(shrunk.deltaEvents()).isZero();
        assertThat(daily("acme", "gpt-4o")).containsExactly(5L, 1000L, 200L);
    }

    @Test
    void aThrottledAnswerLeavesTheWatermarkWhereItWas() throws Exception {
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 200, 5)
                .reply());
        puller(settings(), NOW).pull();
        server.forgetRequests();

        server.answerAlways(LogAnalyticsServer.Reply.throttled());
        AppInsightsPuller throttled = puller(settings(), NOW.plus(Duration.ofMinutes(5)));
        assertThatThrownBy(throttled::pull)
                .isInstanceOf(HttpResponseException.class)
                .satisfies(e -> assertThat(
                                ((HttpResponseException) e).getResponse().getStatusCode())
                        .isEqualTo(429));

        // the SDK retried with backoff (max-retries = 2), then the pull gave up without moving the watermark
        assertThat(server.requests()).hasSize(3);
        assertThat(watermark()).isEqualTo(NOW);
        assertThat(lastError()).contains("429");
        assertThat(daily("acme", "gpt-4o")).containsExactly(5L, 1000L, 200L);

        // once the service answers again, the next pull starts from the same place
        server.forgetRequests();
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 200, 5)
                .reply());
        puller(settings(), NOW.plus(Duration.ofMinutes(10))).pull();
        assertThat(server.requests().getFirst().ingestFrom()).isEqualTo(NOW.minus(Duration.ofHours(3)));
        assertThat(watermark()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(lastError()).isNull();
    }

    @Test
    void aPartialAnswerIsNeverBookedNorPassedByTheWatermark() throws Exception {
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 200, 5)
                .partial()
                .reply());
        // windows that cannot be split any further: retried with backoff, then given up
        AppInsightsPuller puller = puller(settings().windows(Duration.ofHours(6), Duration.ofHours(6)), NOW);

        assertThatThrownBy(puller::pull)
                .isInstanceOf(AppInsightsPuller.IncompleteWindow.class)
                .hasMessageContaining("partial answer (PartialError");
        assertThat(server.requests()).hasSize(3);
        assertThat(dsl.fetchCount(USAGE_EVENT)).isZero();
        assertThat(watermark()).isNull();
    }

    @Test
    void aPartialAnswerIsSplitIntoSmallerWindowsThatAreReadCompletely() throws Exception {
        String complete = rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 200, 5)
                .reply()
                .body();
        server.thenReply(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 600, 100, 3)
                        .partial()
                        .reply())
                .answerAlways(new LogAnalyticsServer.Reply(200, complete, Map.of()));

        AppInsightsPuller.Pulled pulled = puller(settings(), NOW).pull();

        assertThat(pulled.windows()).isEqualTo(2);
        assertThat(server.requests())
                .extracting(LogAnalyticsServer.Request::ingestFrom)
                .containsExactly(
                        NOW.minus(Duration.ofHours(6)), NOW.minus(Duration.ofHours(6)), NOW.minus(Duration.ofHours(3)));
        assertThat(daily("acme", "gpt-4o")).containsExactly(5L, 1000L, 200L);
        assertThat(watermark()).isEqualTo(NOW);
    }

    @Test
    void anAnswerThatReachesTheRowLimitIsSplit() throws Exception {
        server.thenReply(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 200, 5)
                        .bin("2026-11-20T10:00:00Z", "globex", "gpt-4o", 1000, 200, 5)
                        .reply())
                .answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 200, 5)
                        .reply());

        AppInsightsPuller.Pulled pulled = puller(settings().maxRows(2), NOW).pull();

        assertThat(pulled.windows()).isEqualTo(2);
        assertThat(server.requests()).hasSize(3);
        assertThat(server.requests().getFirst().kql()).endsWith("| take 2");
        assertThat(dsl.fetchCount(USAGE_EVENT)).isEqualTo(1);
    }

    @Test
    void longSpansAreReadInWindowsOfAtMostMaxWindowAndTheWatermarkFollowsEach() throws Exception {
        AppInsightsPuller.Pulled pulled = puller(settings().windows(Duration.ofHours(2), Duration.ofMinutes(30)), NOW)
                .pull();

        assertThat(pulled.windows()).isEqualTo(3);
        assertThat(server.requests())
                .extracting(LogAnalyticsServer.Request::ingestFrom)
                .containsExactly(
                        NOW.minus(Duration.ofHours(6)), NOW.minus(Duration.ofHours(4)), NOW.minus(Duration.ofHours(2)));
        assertThat(watermark()).isEqualTo(NOW);
    }

    @Test
    void onlyOneInstancePullsAtATime() throws Exception {
        claims.claim(settings().build().sourceKey(), "another-instance", Duration.ofMinutes(10));

        AppInsightsPuller.Pulled pulled = puller(settings(), NOW).pull();

        assertThat(pulled.claimed()).isFalse();
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aWorkspaceIsQueriedThroughAppMetrics() throws Exception {
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "acme", "gpt-4o", 1000, 200, 5)
                .reply());

        puller(settings().workspace(), NOW).pull();

        LogAnalyticsServer.Request request = server.requests().getFirst();
        assertThat(request.path()).isEqualTo("/v1/workspaces/" + SettingsFixture.WORKSPACE + "/query");
        assertThat(request.kql())
                .contains("AppMetrics")
                .contains("sumif(Sum, Name == \"Prompt Tokens\")")
                .contains("sumif(ItemCount, Name == \"Prompt Tokens\")")
                .contains("Properties[\"Deployment ID\"]")
                .contains("bin(TimeGenerated, 60m)");
        assertThat(daily("acme", "gpt-4o")).containsExactly(5L, 1000L, 200L);
    }

    @Test
    void anExplicitTenantDimensionChargesThatTenant() throws Exception {
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "contoso", "gpt-4o", 1000, 200, 5)
                .reply());

        puller(settings().tenantField("tenant"), NOW).pull();

        UsageEventRecord event = dsl.selectFrom(USAGE_EVENT).fetchSingle();
        assertThat(event.getTenant()).isEqualTo("contoso");
        assertThat(event.getSubscriptionId()).isNull();
        assertThat(event.getTenantKey()).isEqualTo("contoso");
    }

    private AppInsightsPuller puller(SettingsFixture fixture, Instant now) {
        AppInsights settings = fixture.endpoint(server.endpoint()).build();
        MetricsReader reader =
                new MetricsReader(LogsClients.create(settings, LogAnalyticsServer.transport(settings)), settings);
        return new AppInsightsPuller(settings, reader, claims, writer, Clock.fixed(now, ZoneOffset.UTC), Owners.next());
    }

    /** requests, prompt and completion tokens of the tenant's deployment on Nov 20. */
    private List<Long> daily(String tenant, String deployment) {
        var row = dsl.selectFrom(USAGE_DAILY)
                .where(USAGE_DAILY.USAGE_DAY.eq(NOV_20))
                .and(USAGE_DAILY.TENANT_KEY.eq(tenant))
                .and(USAGE_DAILY.DEPLOYMENT.eq(deployment))
                .fetchSingle();
        return List.of(row.getRequests(), row.getPromptTokens(), row.getCompletionTokens());
    }

    private Instant watermark() {
        var at = dsl.select(APPINSIGHTS_WATERMARK.INGESTED_TO)
                .from(APPINSIGHTS_WATERMARK)
                .fetchOne(APPINSIGHTS_WATERMARK.INGESTED_TO);
        return at == null ? null : at.toInstant();
    }

    private String lastError() {
        return dsl.select(APPINSIGHTS_WATERMARK.LAST_ERROR)
                .from(APPINSIGHTS_WATERMARK)
                .fetchOne(APPINSIGHTS_WATERMARK.LAST_ERROR);
    }
}
