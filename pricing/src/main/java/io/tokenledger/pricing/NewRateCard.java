package io.tokenledger.pricing;

import java.time.LocalDate;

/** A request to publish a rate-card version; {@code prices.reasoning} already defaulted by the caller. */
public record NewRateCard(String deployment, String currency, LocalDate effectiveFrom, Prices prices) {}
