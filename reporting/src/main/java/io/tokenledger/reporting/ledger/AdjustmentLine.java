package io.tokenledger.reporting.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A ledger adjustment booked in an open period for a closed one: usage that arrived after the close, or the exact
 * difference a corrected price makes. Counts and cost are deltas (a re-pricing may be negative); {@code model} is
 * null when the source did not report it.
 */
public record AdjustmentLine(
        long id,
        YearMonth bookedPeriod,
        YearMonth refersToPeriod,
        Cause cause,
        String tenant,
        String deployment,
        String model,
        long requests,
        long promptTokens,
        long cachedPromptTokens,
        long completionTokens,
        long reasoningTokens,
        BigDecimal cost,
        long unpricedRequests,
        Instant createdAt,
        Instant updatedAt) {

    /** Why an adjustment exists. */
    public enum Cause {
        LATE_USAGE("Late usage for %s"),
        REPRICING("Re-pricing of %s");

        private final String label;

        Cause(String label) {
            this.label = label;
        }
    }

    /** What a statement calls it, e.g. {@code Late usage for 2026-10}. */
    public String label() {
        return cause.label.formatted(refersToPeriod);
    }
}
