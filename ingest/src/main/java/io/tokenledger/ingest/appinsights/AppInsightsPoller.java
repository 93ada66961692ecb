package io.tokenledger.ingest.appinsights;

import com.azure.core.exception.HttpResponseException;
import io.tokenledger.ingest.IngestProperties;
import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Pulls Application Insights on a fixed delay while the application runs, when {@code tokenledger.ingest.appinsights.*}
 * names a resource or workspace; otherwise says once that the source is off and how to turn it on. Every instance
 * polls; the claim on the watermark row makes one of them pull at a time.
 */
@Component
class AppInsightsPoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AppInsightsPoller.class);

    private final AppInsights settings;
    private final PullClaims claims;
    private final WindowWriter writer;
    private final ObjectProvider<LogsTransport> transport;
    private final boolean eventHubsOn;
    private volatile ScheduledExecutorService scheduler;
    private volatile boolean running;

    AppInsightsPoller(
            IngestProperties properties,
            PullClaims claims,
            WindowWriter writer,
            ObjectProvider<LogsTransport> transport) {
        this.settings = properties.appinsights();
        this.eventHubsOn = properties.eventhubs().enabled();
        this.claims = claims;
        this.writer = writer;
        this.transport = transport;
    }

    /** A puller of its own (a new SDK client, a new claim owner), as every instance has one. */
    AppInsightsPuller newPuller() {
        MetricsReader reader = new MetricsReader(LogsClients.create(settings, transport.getIfAvailable()), settings);
        return new AppInsightsPuller(settings, reader, claims, writer, Clock.systemUTC(), Owners.next());
    }

    @Override
    public void start() {
        running = true;
        if (!settings.enabled()) {
            log.info("Application Insights ingestion is off. To turn it on set "
                    + AppInsights.PREFIX + "resource-id (classic customMetrics) or "
                    + AppInsights.PREFIX + "workspace-id (AppMetrics); see docs/appinsights.md");
            return;
        }
        AppInsightsPuller puller = newPuller();
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "appinsights-pull");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(
                () -> pullOnce(puller), 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        scheduler = executor;
        if (eventHubsOn && settings.booksUsage()) {
            log.warn("Application Insights and Event Hubs ingestion are both on and both book usage: if they carry the"
                    + " same gateway's traffic it is counted twice. Set " + AppInsights.PREFIX
                    + "mode=reconcile to keep the metrics for reconciliation only (docs/appinsights.md)");
        }
        log.info(
                "Application Insights ingestion is on ({} mode): {} ({}), bins of {}, every {}, overlap {},"
                        + " late arrival {}",
                settings.mode(),
                settings.workspaceId() != null ? "workspace " + settings.workspaceId() : settings.resourceId(),
                MetricsSchema.of(settings).table,
                settings.binSize(),
                settings.pollInterval(),
                settings.overlap(),
                settings.lateArrival());
    }

    private void pullOnce(AppInsightsPuller puller) {
        try {
            AppInsightsPuller.Pulled pulled = puller.pull();
            if (pulled.claimed()) {
                log.info(
                        "Application Insights pull: {} windows, {} bins, {} delta events, {} tokens; watermark {}",
                        pulled.windows(),
                        pulled.rows(),
                        pulled.deltaEvents(),
                        pulled.tokens(),
                        pulled.watermark());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (HttpResponseException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
            log.warn(
                    "Application Insights pull failed (HTTP {}); the watermark stays, the next pull in {} tries again: {}",
                    status,
                    settings.pollInterval(),
                    e.getMessage());
        } catch (RuntimeException e) {
            log.warn(
                    "Application Insights pull failed; the watermark stays, the next pull in {} tries again",
                    settings.pollInterval(),
                    e);
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.shutdownNow();
            try {
                current.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
