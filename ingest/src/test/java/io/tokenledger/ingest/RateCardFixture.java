package io.tokenledger.ingest;

import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Rate-card versions in the test installation's reporting currency (USD, the default). */
final class RateCardFixture {

    static final String CURRENCY = "USD";

    private RateCardFixture() {}

    /** Prices per 1M tokens: prompt, cached prompt, completion, reasoning. */
    static NewRateCard card(
            String deployment,
            String effectiveFrom,
            String prompt,
            String cachedPrompt,
            String completion,
            String reasoning) {
        return new NewRateCard(
                deployment,
                CURRENCY,
                LocalDate.parse(effectiveFrom),
                new Prices(
                        new BigDecimal(prompt),
                        new BigDecimal(cachedPrompt),
                        new BigDecimal(completion),
                        new BigDecimal(reasoning)));
    }

    /** One price for every bucket, for tests where only the prompt matters. */
    static NewRateCard flat(String deployment, String effectiveFrom, String price) {
        return card(deployment, effectiveFrom, price, price, price, price);
    }
}
