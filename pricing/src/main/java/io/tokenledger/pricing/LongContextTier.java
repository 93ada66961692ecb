package io.tokenledger.pricing;

import java.util.Objects;

/**
 * Prices for long requests: a request with more than {@code promptTokensAbove} prompt tokens is priced, as a whole,
 * with these prices instead of the card's base prices.
 */
public record LongContextTier(long promptTokensAbove, Prices prices) {

    public LongContextTier {
        if (promptTokensAbove < 0) {
            throw new IllegalArgumentException("the long-context threshold must not be negative");
        }
        Objects.requireNonNull(prices, "prices");
    }
}
