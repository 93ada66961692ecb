package io.tokenledger.ingest.appinsights;

import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pull: claim the source, read the windows from the watermark (less the overlap) up to now, book each window's
 * answer with its watermark, release the claim. A window whose answer is incomplete (partial, cut off, timed out) is
 * split in halves down to {@code min-window}, then retried with backoff; an answer that cannot be had (throttled
 * beyond the SDK's retries, refused) ends the pull with the watermark after the last booked window, so nothing that
 * was not read is ever passed.
 */
class AppInsightsPuller {

    private static final Logger log = LoggerFactory.getLogger(AppInsightsPuller.class);

    private final AppInsights settings;
    private final MetricsReader reader;
    private final PullClaims claims;
    private final WindowWriter writer;
    private final BinDeltas deltas;
    private final Clock clock;
    private final String owner;

    AppInsightsPuller(
            AppInsights settings,
            MetricsReader reader,
            PullClaims claims,
            WindowWriter writer,
            Clock clock,
            String owner) {
        this.settings = settings;
        this.reader = reader;
        this.claims = claims;
        this.writer = writer;
        this.deltas = new BinDeltas(settings.tenantField());
        this.clock = clock;
        this.owner = owner;
    }

    /** What a pull did. */
    record Pulled(boolean claimed, int windows, int rows, int deltaEvents, long tokens, Instant watermark) {

        static Pulled notClaimed() {
            return new Pulled(false, 0, 0, 0, 0, null);
        }
    }

    /** Thrown when a window could not be read completely even after splitting and retrying. */
    static final class IncompleteWindow extends RuntimeException {
        IncompleteWindow(PullWindow window, String reason) {
            super("could not read " + window + " completely: " + reason);
        }
    }

    /**
     * Pulls once. Throws when a window could not be read; windows booked before it stay booked.
     *
     * @throws InterruptedException when the thread is interrupted while waiting to retry
     */
    Pulled pull() throws InterruptedException {
        String source = settings.sourceKey();
        Optional<Optional<Instant>> claimed = claims.claim(source, owner, settings.lease());
        if (claimed.isEmpty()) {
            log.debug("Application Insights: another instance is pulling {}", source);
            return Pulled.notClaimed();
        }
        Instant watermark = claimed.get().orElse(null);
        Instant now = clock.instant();
        Deque<PullWindow> windows = new ArrayDeque<>(PullWindow.plan(watermark, now, settings));
        int done = 0;
        int rows = 0;
        int events = 0;
        long tokens = 0;
        String error = null;
        try {
            int attempt = 0;
            while (!windows.isEmpty()) {
                PullWindow window = windows.pollFirst();
                MetricsReader.Answer answer = reader.read(window);
                if (answer instanceof MetricsReader.Incomplete incomplete) {
                    if (window.length().dividedBy(2).compareTo(settings.minWindow()) >= 0) {
                        log.info("Application Insights: {}; splitting {}", incomplete.reason(), window);
                        // the halves go first, in time order, so the watermark only moves over data that was read
                        var halves = window.halves(settings.lateArrival(), settings.binSize());
                        windows.addFirst(halves.get(1));
                        windows.addFirst(halves.get(0));
                        continue;
                    }
                    if (attempt >= settings.maxRetries()) {
                        throw new IncompleteWindow(window, incomplete.reason());
                    }
                    Duration wait = backoff(attempt++);
                    log.info("Application Insights: {}; retrying {} in {}", incomplete.reason(), window, wait);
                    Thread.sleep(wait);
                    windows.addFirst(window);
                    continue;
                }
                attempt = 0;
                var bins = ((MetricsReader.Complete) answer).bins();
                WindowWriter.Written written = writer.write(
                        source, owner, window, bins, deltas, settings.booksUsage(), settings.lease(), clock.instant());
                done++;
                rows += written.rows();
                events += written.deltaEvents();
                tokens += written.promptTokens() + written.completionTokens();
                watermark = watermark == null || window.ingestTo().isAfter(watermark) ? window.ingestTo() : watermark;
                logWindow(window, written);
            }
            return new Pulled(true, done, rows, events, tokens, watermark);
        } catch (RuntimeException | InterruptedException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw e;
        } finally {
            claims.release(source, owner, error);
        }
    }

    /** retry-delay × 2^attempt, at most max-retry-delay. */
    Duration backoff(int attempt) {
        Duration wait = settings.retryDelay();
        for (int i = 0; i < attempt && wait.compareTo(settings.maxRetryDelay()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetryDelay()) > 0 ? settings.maxRetryDelay() : wait;
    }

    private static void logWindow(PullWindow window, WindowWriter.Written written) {
        log.info(
                "Application Insights: {}: {} bins read, {} delta events booked ({} prompt, {} completion tokens)",
                window,
                written.rows(),
                written.deltaEvents(),
                written.promptTokens(),
                written.completionTokens());
        if (written.shrunk() > 0) {
            log.warn(
                    "Application Insights: {} bins of {} had smaller sums than already counted; the counted sums"
                            + " stay (see docs/appinsights.md)",
                    written.shrunk(),
                    window);
        }
        if (written.mismatches() > 0) {
            log.warn(
                    "Application Insights: in {} bins of {} the total metric is not prompt + completion",
                    written.mismatches(),
                    window);
        }
    }
}
