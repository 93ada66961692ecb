package io.tokenledger.ingest.appinsights;

import static io.tokenledger.db.jooq.Tables.APPINSIGHTS_BIN;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.appinsights.QueryAnswer.rows;
import static io.tokenledger.ingest.appinsights.SettingsFixture.settings;
import static org.assertj.core.api.Assertions.assertThat;

import io.tokenledger.db.testing.TestDatabase;
import io.tokenledger.db.testing.UsesTestDatabase;
import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.IngestProperties.AppInsights;
import io.tokenledger.ingest.appinsights.SourceComparison.SourceDay;
import io.tokenledger.ingest.format.ParsedRecord;
import io.tokenledger.ingest.format.UsageEvent;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.TokenCounts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code mode=reconcile}: where Event Hubs books a gateway's usage, its metrics are kept for reconciliation only —
 * never counted twice — and compared per tenant and day with what Event Hubs booked.
 */
@SpringBootTest
@UsesTestDatabase
class ReconcileModeIT {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final LocalDate NOV_20 = LocalDate.parse("2026-11-20");
    private static LogAnalyticsServer server;

    private final PullClaims claims;
    private final WindowWriter writer;
    private final IngestPipeline pipeline;
    private final BusinessCalendar calendar;
    private final DSLContext dsl;

    @Autowired
    ReconcileModeIT(
            PullClaims claims,
            WindowWriter writer,
            IngestPipeline pipeline,
            BusinessCalendar calendar,
            DSLContext dsl) {
        this.claims = claims;
        this.writer = writer;
        this.pipeline = pipeline;
        this.calendar = calendar;
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
    void metricsPulledAndEventHubsBooked() throws Exception {
        TestDatabase.get().reset();
        server.answerAlways(rows().bin("2026-11-20T10:00:00Z", "sub-acme", "gpt-4o", 1300, 250, 2)
                .bin("2026-11-20T10:00:00Z", "sub-new", "gpt-4o", 10, 5, 1)
                .reply());
        AppInsights settings =
                settings().reconcileOnly().endpoint(server.endpoint()).build();
        new AppInsightsPuller(
                        settings,
                        new MetricsReader(
                                LogsClients.create(settings, LogAnalyticsServer.transport(settings)), settings),
                        claims,
                        writer,
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        Owners.next())
                .pull();
        // the gateway's own records, charged by the subscription's name (the subscription fallback)
        pipeline.ingest("eventhubs", List.of(eventHubsRecord("eh-1", 1000, 200), eventHubsRecord("eh-2", 0, 0)));
    }

    @Test
    void theMetricsAreKeptButNotBooked() {
        assertThat(dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.SOURCE.eq("appinsights")))
                .isZero();
        assertThat(dsl.fetchCount(APPINSIGHTS_BIN)).isEqualTo(2);
    }

    @Test
    void eachSideIsComparedOnTheTenantEventHubsChargedTheSubscriptionTo() {
        List<SourceDay> days = comparison().tokensBySource(NOV_20, NOV_20, Optional.empty());

        assertThat(days)
                .containsExactly(
                        new SourceDay("acme-team", NOV_20, "appinsights", 1550, 2),
                        new SourceDay("acme-team", NOV_20, "eventhubs", 1200, 2),
                        // a subscription Event Hubs never saw: shown under its own value
                        new SourceDay("sub-new", NOV_20, "appinsights", 15, 1));
    }

    @Test
    void onlyTheTenantsInScopeAreCompared() {
        assertThat(comparison().tokensBySource(NOV_20, NOV_20, Optional.of(Set.of("acme-team"))))
                .extracting(SourceDay::tenant)
                .containsOnly("acme-team");
        assertThat(comparison().tokensBySource(NOV_20, NOV_20, Optional.of(Set.of("globex"))))
                .isEmpty();
    }

    private SourceComparison comparison() {
        return new SourceComparison(dsl, settings().reconcileOnly().build(), calendar);
    }

    private static ParsedRecord eventHubsRecord(String id, long prompt, long completion) {
        UsageEvent event = new UsageEvent(
                id,
                Instant.parse("2026-11-20T10:05:00Z"),
                null,
                "sub-acme",
                "acme-team",
                null,
                null,
                null,
                null,
                null,
                "gpt-4o",
                "gpt-4o-2024-08-06",
                null,
                null,
                new TokenCounts(prompt, 0, completion, 0),
                1,
                false,
                false,
                200,
                Map.of());
        return new ParsedRecord.Valid(0, id, event);
    }
}
