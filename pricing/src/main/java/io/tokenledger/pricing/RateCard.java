package io.tokenledger.pricing;

import java.time.Instant;
import java.time.LocalDate;

/** One immutable rate-card version: the prices of a deployment from {@code effectiveFrom} on. */
public record RateCard(
        long id,
        String deployment,
        String currency,
        LocalDate effectiveFrom,
        Prices prices,
        Instant createdAt,
        String createdBy) {}
