package io.tokenledger.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/** Prices per 1M tokens of each bucket, exact as entered. */
public record Prices(BigDecimal prompt, BigDecimal cachedPrompt, BigDecimal completion, BigDecimal reasoning) {

    public Prices {
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(cachedPrompt, "cachedPrompt");
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(reasoning, "reasoning");
    }
}
