package io.tokenledger.web.pricing;

import io.tokenledger.pricing.DecimalBounds;
import io.tokenledger.pricing.Prices;
import io.tokenledger.web.Amounts;
import io.tokenledger.web.api.ApiProblem;
import java.math.BigDecimal;

/** Reading and writing the four per-1M prices of a card (or of its long-context tier) as exact decimal text. */
final class RateCardPrices {

    private RateCardPrices() {}

    /** The prices; reasoning defaults to the completion price. {@code prefix} names nested fields in errors. */
    static Prices of(String prefix, String prompt, String cachedPrompt, String completion, String reasoning) {
        BigDecimal completionPrice = price(prefix + "completionPer1M", completion);
        return new Prices(
                price(prefix + "promptPer1M", prompt),
                price(prefix + "cachedPromptPer1M", cachedPrompt),
                completionPrice,
                reasoning == null ? completionPrice : price(prefix + "reasoningPer1M", reasoning));
    }

    static String text(BigDecimal price) {
        return Amounts.exact(price);
    }

    static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest(field + " is required");
        }
        return value.trim();
    }

    private static BigDecimal price(String field, String value) {
        try {
            return DecimalBounds.parse(field, required(field, value));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(
                    field + " must be a decimal number as a string, e.g. \"0.15\", was '" + value + "'");
        }
    }
}
