package io.tokenledger.ingest.appinsights;

import io.tokenledger.ingest.IngestPipeline;
import io.tokenledger.ingest.IngestResult;
import io.tokenledger.ingest.format.ParsedRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books one window's answer in one transaction: the delta events (through the ingest pipeline, which joins the
 * transaction; not in {@code reconcile} mode, where the bins only serve reconciliation), the bins' new counted sums
 * and the watermark. Either all of it commits or none, so the watermark
 * never runs ahead of the ledger and a window read again finds its bins already counted. The source's watermark row
 * is locked first and the write goes on only while this instance still holds the claim, so two instances can never
 * book the same growth twice.
 */
@Service
class WindowWriter {

    private static final Logger log = LoggerFactory.getLogger(WindowWriter.class);

    private final IngestPipeline pipeline;
    private final BinRepository bins;
    private final WatermarkRepository watermarks;

    WindowWriter(IngestPipeline pipeline, BinRepository bins, WatermarkRepository watermarks) {
        this.pipeline = pipeline;
        this.bins = bins;
        this.watermarks = watermarks;
    }

    /** What a window changed. */
    record Written(int rows, int deltaEvents, long promptTokens, long completionTokens, int shrunk, int mismatches) {}

    /** Thrown when another instance took the claim over (this one was too slow); the window is not booked. */
    static final class ClaimLost extends RuntimeException {
        ClaimLost(String source) {
            super("another instance took over the pull of " + source);
        }
    }

    @Transactional
    public Written write(
            String source,
            String owner,
            PullWindow window,
            List<MetricBin> fresh,
            BinDeltas deltas,
            boolean book,
            Duration lease,
            Instant now) {
        if (!watermarks.lockClaim(source, owner)) {
            throw new ClaimLost(source);
        }
        List<String> ids = fresh.stream().map(MetricBin::id).distinct().toList();
        BinDeltas.Result result = deltas.compare(fresh, bins.find(ids));
        if (book && !result.events().isEmpty()) {
            List<ParsedRecord> records = new ArrayList<>(result.events().size());
            for (int i = 0; i < result.events().size(); i++) {
                records.add(new ParsedRecord.Valid(
                        i, result.events().get(i).id(), result.events().get(i)));
            }
            IngestResult ingested = pipeline.ingest(AppInsightsSource.SOURCE, records);
            if (ingested.accepted() != records.size()) {
                // the bin table and the events commit together, so this means someone edited one of them by hand
                log.warn(
                        "Application Insights: {} of {} delta events of {} were already in the ledger",
                        records.size() - ingested.accepted(),
                        records.size(),
                        window);
            }
        }
        bins.save(result.states(), now);
        watermarks.advance(source, owner, window.ingestTo(), lease);
        long prompt =
                result.events().stream().mapToLong(e -> e.tokens().prompt()).sum();
        long completion =
                result.events().stream().mapToLong(e -> e.tokens().completion()).sum();
        return new Written(
                fresh.size(), result.events().size(), prompt, completion, result.shrunk(), result.totalMismatches());
    }
}
