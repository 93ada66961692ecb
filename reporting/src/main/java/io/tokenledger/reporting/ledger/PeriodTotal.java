package io.tokenledger.reporting.ledger;

import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * What a billing period charges: its usage (the daily rollups of its days) plus the adjustments booked in it for
 * earlier, closed periods. Exact amounts; {@code total} is {@code usage + adjustments}.
 */
public record PeriodTotal(YearMonth period, BigDecimal usage, BigDecimal adjustments, long unpricedRequests) {

    public BigDecimal total() {
        return usage.add(adjustments);
    }
}
