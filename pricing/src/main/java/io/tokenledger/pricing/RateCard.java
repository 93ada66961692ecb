package io.tokenledger.pricing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One immutable rate-card version: the prices of the usage its pattern matches, from {@code effectiveFrom} on.
 *
 * @param pattern a deployment name ({@link MatchKind#DEPLOYMENT}), or a model name, prefix or regular expression
 * @param longContext optional prices for requests above a prompt-token threshold; null when the card has none
 * @param reason why the version was published (a correction, a price change), as its author wrote it; may be null
 */
public record RateCard(
        long id,
        MatchKind matchKind,
        String pattern,
        String currency,
        LocalDate effectiveFrom,
        Prices prices,
        LongContextTier longContext,
        Instant createdAt,
        String createdBy,
        String reason) {

    /** The deployment this card prices, for {@link MatchKind#DEPLOYMENT} cards; otherwise the model pattern. */
    public String deployment() {
        return pattern;
    }
}
