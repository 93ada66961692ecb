package io.tokenledger.pricing;

import static io.tokenledger.db.jooq.Tables.RATE_CARD;

import java.math.BigDecimal;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * The cost formula, once, as SQL over the {@code rate_card} row that prices the usage:
 *
 * <pre>
 * (uncached prompt × prompt price + cached × cached price
 *    + (completion − reasoning) × completion price + reasoning × reasoning price) × 10⁻⁶
 * </pre>
 *
 * <p>Cached prompt tokens are a subset of prompt tokens and reasoning tokens a subset of completion tokens, so
 * each token is charged exactly once. When the card has a long-context tier and the request has more prompt tokens
 * than its threshold, the whole request is priced with the tier's prices. PostgreSQL {@code numeric}
 * multiplication is exact and the result is never rounded; rounding happens only when a statement is presented.
 */
public final class CostExpression {

    private static final BigDecimal PER_TOKEN = new BigDecimal("0.000001");

    private CostExpression() {}

    /**
     * @param rateCard the joined {@code rate_card} table (or an alias of it)
     */
    public static Field<BigDecimal> of(
            io.tokenledger.db.jooq.tables.RateCard rateCard,
            Field<Long> prompt,
            Field<Long> cachedPrompt,
            Field<Long> completion,
            Field<Long> reasoning) {
        Field<BigDecimal> base = formula(
                prompt,
                cachedPrompt,
                completion,
                reasoning,
                rateCard.PROMPT_PER_1M,
                rateCard.CACHED_PROMPT_PER_1M,
                rateCard.COMPLETION_PER_1M,
                rateCard.REASONING_PER_1M);
        Field<BigDecimal> longContext = formula(
                prompt,
                cachedPrompt,
                completion,
                reasoning,
                rateCard.LONG_PROMPT_PER_1M,
                rateCard.LONG_CACHED_PROMPT_PER_1M,
                rateCard.LONG_COMPLETION_PER_1M,
                rateCard.LONG_REASONING_PER_1M);
        return DSL.when(
                        rateCard.LONG_CONTEXT_THRESHOLD.isNotNull().and(prompt.gt(rateCard.LONG_CONTEXT_THRESHOLD)),
                        longContext)
                .otherwise(base);
    }

    /** The formula over the {@code rate_card} table itself. */
    public static Field<BigDecimal> of(
            Field<Long> prompt, Field<Long> cachedPrompt, Field<Long> completion, Field<Long> reasoning) {
        return of(RATE_CARD, prompt, cachedPrompt, completion, reasoning);
    }

    private static Field<BigDecimal> formula(
            Field<Long> prompt,
            Field<Long> cachedPrompt,
            Field<Long> completion,
            Field<Long> reasoning,
            Field<BigDecimal> promptPrice,
            Field<BigDecimal> cachedPrice,
            Field<BigDecimal> completionPrice,
            Field<BigDecimal> reasoningPrice) {
        return prompt.minus(cachedPrompt)
                .cast(BigDecimal.class)
                .times(promptPrice)
                .plus(cachedPrompt.cast(BigDecimal.class).times(cachedPrice))
                .plus(completion.minus(reasoning).cast(BigDecimal.class).times(completionPrice))
                .plus(reasoning.cast(BigDecimal.class).times(reasoningPrice))
                .times(DSL.inline(PER_TOKEN));
    }
}
