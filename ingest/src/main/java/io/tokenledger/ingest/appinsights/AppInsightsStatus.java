package io.tokenledger.ingest.appinsights;

import io.tokenledger.ingest.IngestProperties;
import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Application Insights source's state for the ingestion status: whether it is on, what it reads and how far
 * (the watermark), when it last pulled and the last error. Its booked events count into the per-source activity
 * like any source's (source {@code appinsights}).
 */
@Service
public class AppInsightsStatus {

    private final AppInsights settings;
    private final WatermarkRepository watermarks;

    AppInsightsStatus(IngestProperties properties, WatermarkRepository watermarks) {
        this.settings = properties.appinsights();
        this.watermarks = watermarks;
    }

    /**
     * The source now.
     *
     * @param source {@code appinsights}, the value of {@code usage_event.source} and of the activity rows
     * @param enabled whether this instance pulls
     * @param detail what is read, or how to turn it on
     * @param watermark everything ingested before this time is in the ledger; null before the first window
     * @param lastPullAt when a pull last started (any instance)
     * @param lastSuccessAt when a window was last booked
     * @param lastError why the last pull stopped early; null when it read everything
     * @param pulling the instance pulling right now, if any
     */
    public record State(
            String source,
            boolean enabled,
            String detail,
            Instant watermark,
            Instant lastPullAt,
            Instant lastSuccessAt,
            String lastError,
            String pulling) {}

    @Transactional(readOnly = true)
    public State state() {
        if (!settings.enabled()) {
            return new State(
                    AppInsightsSource.SOURCE,
                    false,
                    "off: set " + AppInsights.PREFIX + "resource-id (or ." + "workspace-id) to turn it on",
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        String detail = (settings.workspaceId() != null
                        ? "workspace " + settings.workspaceId() + " (AppMetrics)"
                        : settings.resourceId() + " (customMetrics)")
                + ", bins of " + settings.binSize() + ", every " + settings.pollInterval();
        return watermarks
                .find(settings.sourceKey())
                .map(row -> new State(
                        AppInsightsSource.SOURCE,
                        true,
                        detail,
                        row.ingestedTo(),
                        row.lastPullAt(),
                        row.lastSuccessAt(),
                        row.lastError(),
                        row.claimedBy()))
                .orElseGet(() -> new State(AppInsightsSource.SOURCE, true, detail, null, null, null, null, null));
    }
}
