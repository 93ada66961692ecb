package io.tokenledger.pricing;

import static io.tokenledger.db.jooq.Tables.FX_RATE;
import static io.tokenledger.db.jooq.Tables.RATE_CARD;

import java.math.BigDecimal;
import java.time.LocalDate;
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
 *
 * <p>A card in another currency than the reporting one is converted at pricing time with the FX rate of the usage
 * day's billing period ({@code fx_rate}): cost × rate, still exact. Without a rate for that period the cost is null,
 * so the usage is stored and counted as unpriced (never converted 1:1) until the rate is entered, which re-prices it.
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

    /**
     * The formula in the reporting currency: {@link #of(io.tokenledger.db.jooq.tables.RateCard, Field, Field, Field,
     * Field)} times the FX rate of {@code usageDay}'s month for the card's currency, or 1 when the card is in
     * {@code reportingCurrency}; null when the month has no rate for it.
     */
    public static Field<BigDecimal> inReportingCurrency(
            io.tokenledger.db.jooq.tables.RateCard rateCard,
            String reportingCurrency,
            Field<LocalDate> usageDay,
            Field<Long> prompt,
            Field<Long> cachedPrompt,
            Field<Long> completion,
            Field<Long> reasoning) {
        Field<BigDecimal> cost = of(rateCard, prompt, cachedPrompt, completion, reasoning);
        Field<BigDecimal> rate = DSL.field(DSL.select(FX_RATE.RATE)
                .from(FX_RATE)
                .where(FX_RATE.PERIOD.eq(DSL.field("date_trunc('month', {0})::date", LocalDate.class, usageDay)))
                .and(FX_RATE.CURRENCY.eq(rateCard.CURRENCY))
                .and(FX_RATE.REPORTING_CURRENCY.eq(DSL.inline(reportingCurrency))));
        return DSL.when(rateCard.CURRENCY.eq(DSL.inline(reportingCurrency)), cost)
                .otherwise(cost.times(rate));
    }

    /** {@link #inReportingCurrency} over the {@code rate_card} table itself. */
    public static Field<BigDecimal> inReportingCurrency(
            String reportingCurrency,
            Field<LocalDate> usageDay,
            Field<Long> prompt,
            Field<Long> cachedPrompt,
            Field<Long> completion,
            Field<Long> reasoning) {
        return inReportingCurrency(RATE_CARD, reportingCurrency, usageDay, prompt, cachedPrompt, completion, reasoning);
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
