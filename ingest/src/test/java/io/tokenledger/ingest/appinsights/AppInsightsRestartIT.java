package io.tokenledger.ingest.appinsights;

import static io.tokenledger.db.jooq.Tables.APPINSIGHTS_WATERMARK;
import static io.tokenledger.db.jooq.Tables.USAGE_DAILY;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;
import static io.tokenledger.ingest.appinsights.QueryAnswer.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tokenledger.db.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole source as the application runs it: the poller pulls when the application starts, and a restarted
 * application (a new Spring context, a new SDK client and puller) continues from the watermark in PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class AppInsightsRestartIT {

    private final TestDatabase database = TestDatabase.get();
    private final DSLContext dsl = database.dsl();

    @Test
    void theWatermarkSurvivesARestartOfTheApplication() throws Exception {
        database.reset();
        String bin = Instant.now()
                .truncatedTo(ChronoUnit.HOURS)
                .minus(Duration.ofHours(1))
                .toString();
        try (LogAnalyticsServer server = LogAnalyticsServer.start()) {
            server.answerAlways(rows().bin(bin, "acme", "gpt-4o", 1000, 200, 5).reply());

            Instant firstWatermark;
            try (ConfigurableApplicationContext first = start(server)) {
                firstWatermark = awaitPullDone(null);
            }
            server.forgetRequests();
            try (ConfigurableApplicationContext second = start(server)) {
                awaitPullDone(firstWatermark);
            }

            // the new instance read from where the old one stopped (less the overlap), not from the initial lookback
            assertThat(server.requests().getFirst().ingestFrom()).isEqualTo(firstWatermark.minus(Duration.ofHours(3)));
            assertThat(dsl.fetchCount(USAGE_EVENT)).isEqualTo(1);
            assertThat(dsl.select(USAGE_DAILY.PROMPT_TOKENS)
                            .from(USAGE_DAILY)
                            .fetchSingle()
                            .value1())
                    .isEqualTo(1000L);
        }
    }

    @Test
    void withoutSettingsTheSourceIsOffAndSaysOnceHowToTurnItOn(CapturedOutput output) {
        try (ConfigurableApplicationContext context =
                application(null).run(databaseArguments().toArray(String[]::new))) {
            assertThat(context.getBean(AppInsightsStatus.class).state().enabled())
                    .isFalse();
        }
        assertThat(output.getOut().lines().filter(line -> line.contains("Application Insights ingestion is off")))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .contains("tokenledger.ingest.appinsights.resource-id")
                        .contains("tokenledger.ingest.appinsights.workspace-id"));
    }

    private ConfigurableApplicationContext start(LogAnalyticsServer server) {
        List<String> arguments = databaseArguments();
        arguments.add("--tokenledger.ingest.appinsights.resource-id=" + SettingsFixture.RESOURCE);
        arguments.add("--tokenledger.ingest.appinsights.endpoint=" + server.endpoint());
        arguments.add("--tokenledger.ingest.appinsights.initial-lookback=3h");
        arguments.add("--tokenledger.ingest.appinsights.poll-interval=1h");
        arguments.add("--tokenledger.ingest.appinsights.retry-delay=10ms");
        return application(
                        LogAnalyticsServer.transport(SettingsFixture.settings().build()))
                .run(arguments.toArray(String[]::new));
    }

    private static SpringApplication application(LogsTransport transport) {
        SpringApplication application = new SpringApplication(PollingApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        if (transport != null) {
            application.addInitializers(
                    context -> context.getBeanFactory().registerSingleton("logsTransport", transport));
        }
        return application;
    }

    private List<String> databaseArguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add("--spring.datasource.url=" + database.url());
        arguments.add("--spring.datasource.username=" + database.username());
        arguments.add("--spring.datasource.password=" + (database.password() == null ? "" : database.password()));
        return arguments;
    }

    /** Waits until a pull has released its claim with the watermark past {@code after}; returns the watermark. */
    private Instant awaitPullDone(Instant after) {
        return await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> {
                            var row = dsl.selectFrom(APPINSIGHTS_WATERMARK).fetchOne();
                            if (row == null || row.getClaimedBy() != null || row.getIngestedTo() == null) {
                                return null;
                            }
                            Instant watermark = row.getIngestedTo().toInstant();
                            return after == null || watermark.isAfter(after) ? watermark : null;
                        },
                        watermark -> watermark != null);
    }

    @SpringBootApplication(scanBasePackages = "io.tokenledger")
    static class PollingApplication {}
}
