package io.tokenledger.pricing;

import java.time.LocalDate;

/**
 * A request to publish a rate-card version; {@code prices.reasoning} already defaulted by the caller.
 *
 * @param longContext optional long-context tier, null for none
 * @param reason optional note on why this version exists
 */
public record NewRateCard(
        MatchKind matchKind,
        String pattern,
        String currency,
        LocalDate effectiveFrom,
        Prices prices,
        LongContextTier longContext,
        String reason) {

    /** A card for one deployment, without a long-context tier. */
    public NewRateCard(String deployment, String currency, LocalDate effectiveFrom, Prices prices) {
        this(MatchKind.DEPLOYMENT, deployment, currency, effectiveFrom, prices, null, null);
    }
}
