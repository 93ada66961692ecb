package io.tokenledger.reporting.periods;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * A billing period as finance sees it: open or closed (when, by whom), its usage, the adjustments booked in it for
 * earlier periods, and the total it charges. Exact amounts.
 */
public record PeriodStatus(
        YearMonth period,
        boolean closed,
        Instant closedAt,
        String closedBy,
        BigDecimal usage,
        BigDecimal adjustments,
        long unpricedRequests) {

    public BigDecimal total() {
        return usage.add(adjustments);
    }
}
