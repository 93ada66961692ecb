package io.tokenledger.ingest.appinsights;

import io.tokenledger.ingest.IngestProperties.AppInsights;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One query's range: the metrics ingested in {@code [ingestFrom, ingestTo)} decide which bins are read; each such
 * bin is summed over everything ingested before {@code ingestTo} whose time lies in {@code [eventFrom, eventTo)}.
 * The event range is wider (by the late-arrival allowance) and aligned to whole bins, so a bin is read completely or
 * not at all.
 */
record PullWindow(Instant ingestFrom, Instant ingestTo, Instant eventFrom, Instant eventTo) {

    static PullWindow of(Instant ingestFrom, Instant ingestTo, Duration lateArrival, Duration binSize) {
        return new PullWindow(
                ingestFrom,
                ingestTo,
                floor(ingestFrom.minus(lateArrival), binSize),
                floor(ingestTo, binSize).plus(binSize));
    }

    /** The windows of one pull: from the watermark (less the overlap) to now, at most {@code maxWindow} each. */
    static List<PullWindow> plan(Instant watermark, Instant now, AppInsights settings) {
        Instant from = watermark == null ? now.minus(settings.initialLookback()) : watermark.minus(settings.overlap());
        List<PullWindow> windows = new ArrayList<>();
        while (from.isBefore(now)) {
            Instant to = from.plus(settings.maxWindow());
            if (to.isAfter(now)) {
                to = now;
            }
            windows.add(of(from, to, settings.lateArrival(), settings.binSize()));
            from = to;
        }
        return windows;
    }

    Duration length() {
        return Duration.between(ingestFrom, ingestTo);
    }

    /** The two halves by ingestion time, each with its own event range. */
    List<PullWindow> halves(Duration lateArrival, Duration binSize) {
        Instant middle = ingestFrom.plus(length().dividedBy(2));
        return List.of(of(ingestFrom, middle, lateArrival, binSize), of(middle, ingestTo, lateArrival, binSize));
    }

    private static Instant floor(Instant time, Duration binSize) {
        long size = binSize.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), size) * size);
    }

    @Override
    public String toString() {
        return "ingested " + ingestFrom + " .. " + ingestTo + " (times " + eventFrom + " .. " + eventTo + ")";
    }
}
