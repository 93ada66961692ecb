package io.tokenledger.reporting.reconciliation;

import static io.tokenledger.reporting.UsageFixture.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.format.UsagePayloadParser;
import io.tokenledger.reporting.ReportingData;
import io.tokenledger.reporting.ReportingTest;
import io.tokenledger.reporting.UsageFixture;
import io.tokenledger.reporting.ledger.TenantScope;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Event Hubs against Application Insights per tenant and day, on the real ledger. */
@ReportingTest
class ReconciliationIT {

    private static final LocalDate MAR_10 = LocalDate.parse("2025-03-10");
    private static final LocalDate MAR_11 = LocalDate.parse("2025-03-11");

    private final Reconciliation reconciliation;
    private final IngestPipeline pipeline;
    private final ReportingData data;

    @Autowired
    ReconciliationIT(Reconciliation reconciliation, IngestPipeline pipeline, ReportingData data) {
        this.reconciliation = reconciliation;
        this.pipeline = pipeline;
        this.data = data;
    }

    @BeforeEach
    void usageFromBothSources() {
        data.reset();
        // acme: both sources agree; globex: Event Hubs dropped a message on the 10th
        ingest(
                "eventhubs",
                event("eh-1").tenant("acme").tokens(1000, 0, 200, 0),
                event("eh-2").tenant("globex").tokens(1000, 0, 200, 0),
                event("eh-3").tenant("globex").at("2025-03-11T09:00:00Z").tokens(500, 0, 0, 0),
                // a deployment only Event Hubs feeds is not compared
                event("eh-4").tenant("acme").deployment("gpt-4o-mini").tokens(9999, 0, 0, 0));
        ingest(
                "appinsights",
                event("ai-1").tenant("acme").tokens(1000, 0, 200, 0),
                event("ai-2").tenant("globex").tokens(1300, 0, 250, 0).requests(2),
                event("ai-3").tenant("globex").at("2025-03-11T09:00:00Z").tokens(505, 0, 0, 0));
    }

    @Test
    void daysThatDifferByMoreThanTheThresholdAreFlagged() {
        ReconciliationReport report = reconciliation.compare(MAR_10, MAR_11, TenantScope.allTenants());

        assertThat(report.thresholdPercent()).isEqualByComparingTo("2");
        assertThat(report.rows())
                .extracting(
                        ReconciliationRow::tenant,
                        ReconciliationRow::day,
                        ReconciliationRow::eventHubsTokens,
                        ReconciliationRow::appInsightsTokens,
                        ReconciliationRow::difference,
                        ReconciliationRow::flagged)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("acme", MAR_10, 1200L, 1200L, 0L, false),
                        org.assertj.core.groups.Tuple.tuple("globex", MAR_10, 1200L, 1550L, 350L, true),
                        org.assertj.core.groups.Tuple.tuple("globex", MAR_11, 500L, 505L, 5L, false));
        ReconciliationRow globex = report.rows().get(1);
        assertThat(globex.differencePercent()).isEqualTo(new BigDecimal("22.58"));
        assertThat(globex.eventHubsRequests()).isEqualTo(1);
        assertThat(globex.appInsightsRequests()).isEqualTo(2);
        assertThat(report.flaggedRows()).isEqualTo(1);
    }

    @Test
    void aViewerSeesOnlyTheTenantsInScope() {
        ReconciliationReport report = reconciliation.compare(MAR_10, MAR_11, TenantScope.only(Set.of("acme")));

        assertThat(report.rows()).extracting(ReconciliationRow::tenant).containsOnly("acme");
        assertThat(reconciliation
                        .compare(MAR_10, MAR_11, TenantScope.only(Set.of()))
                        .rows())
                .isEmpty();
    }

    @Test
    void aReversedOrTooLongRangeIsRefused() {
        assertThatThrownBy(() -> reconciliation.compare(MAR_11, MAR_10, TenantScope.allTenants()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not be before");
        assertThatThrownBy(() -> reconciliation.compare(MAR_10, MAR_10.plusDays(200), TenantScope.allTenants()))
                .hasMessageContaining("tokenledger.reporting.reconciliation.max-days");
    }

    private void ingest(String source, UsageFixture... events) {
        var records = new UsagePayloadParser(32)
                .parse(UsageFixture.ndjson(List.of(events)).getBytes(StandardCharsets.UTF_8), "application/x-ndjson");
        assertThat(pipeline.ingest(source, records).accepted()).isEqualTo(events.length);
    }
}
