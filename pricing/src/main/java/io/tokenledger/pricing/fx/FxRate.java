package io.tokenledger.pricing.fx;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * What one unit of {@code currency} is worth in {@code reportingCurrency} for a billing period, as entered.
 *
 * @param source where the rate comes from (e.g. "ECB reference rate 2026-11-30"), as its author wrote it; may be null
 */
public record FxRate(
        YearMonth period,
        String currency,
        String reportingCurrency,
        BigDecimal rate,
        Instant enteredAt,
        String enteredBy,
        String source) {

    /** {@code amount} in the reporting currency, exact. */
    public BigDecimal convert(BigDecimal amount) {
        return amount.multiply(rate);
    }
}
