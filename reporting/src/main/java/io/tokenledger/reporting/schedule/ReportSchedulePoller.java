package io.tokenledger.reporting.schedule;

import io.tokenledger.reporting.ReportingProperties;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The background thread of scheduled reports: every {@code poll-interval} it claims due occurrences and attempts
 * due messages. Runs on every instance with {@code tokenledger.reporting.schedules.enabled} (the database claims
 * keep occurrences and attempts single); one thread, so an instance never sends two messages at once.
 */
@Component
class ReportSchedulePoller implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReportSchedulePoller.class);

    private final ScheduleTicker ticker;
    private final ReportDeliveries deliveries;
    private final ReportingProperties.Schedules settings;
    private ScheduledExecutorService executor;

    ReportSchedulePoller(ScheduleTicker ticker, ReportDeliveries deliveries, ReportingProperties properties) {
        this.ticker = ticker;
        this.deliveries = deliveries;
        this.settings = properties.reporting().schedules();
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("report-schedules").daemon(true).factory());
        long interval = settings.pollInterval().toMillis();
        executor.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }

    /** Attempts due messages now rather than at the next poll (after a manual run). */
    synchronized void wakeUp() {
        if (executor != null) {
            executor.execute(this::deliver);
        }
    }

    private void poll() {
        try {
            ticker.tick(Instant.now(), RunClaims.INSTANCE);
        } catch (RuntimeException e) {
            log.error(
                    "Report schedules: looking for due occurrences failed; trying again in {}",
                    settings.pollInterval(),
                    e);
        }
        deliver();
    }

    private void deliver() {
        try {
            deliveries.deliverDue(Instant.now());
        } catch (RuntimeException e) {
            log.error("Report schedules: sending due reports failed; trying again in {}", settings.pollInterval(), e);
        }
    }
}
