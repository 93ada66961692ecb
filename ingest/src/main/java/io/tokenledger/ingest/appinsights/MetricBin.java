package io.tokenledger.ingest.appinsights;

import java.time.Instant;
import java.util.Objects;

/**
 * One aggregate row of the query: the sums of one (time bin, dimension set) over everything ingested so far.
 *
 * @param prompt sum of the prompt metric's {@code valueSum}
 * @param completion sum of the completion metric's {@code valueSum}
 * @param total sum of the total metric's {@code valueSum} (a cross-check only)
 * @param requests the largest {@code valueCount} of the three metrics (each request emits each metric once)
 */
record MetricBin(Instant binStart, BinDimensions dimensions, long prompt, long completion, long total, long requests) {

    MetricBin {
        Objects.requireNonNull(binStart, "binStart");
        Objects.requireNonNull(dimensions, "dimensions");
    }

    /** Deterministic: the same bin and dimension set give the same id in every pull, on every instance. */
    String id() {
        return "appinsights:" + binStart + ":" + dimensions.digest();
    }

    /** True when the total metric was read and disagrees with prompt + completion. */
    boolean totalDisagrees() {
        return total != 0 && total != prompt + completion;
    }
}
