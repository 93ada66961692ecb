package io.tokenledger.pricing;

import static io.tokenledger.db.jooq.Tables.RATE_CARD;

import io.tokenledger.db.jooq.tables.records.RateCardRecord;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class RateCardRepository {

    private final DSLContext dsl;

    RateCardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    RateCard insert(NewRateCard card, String createdBy) {
        LongContextTier tier = card.longContext();
        return toRateCard(dsl.insertInto(RATE_CARD)
                .set(RATE_CARD.MATCH_KIND, card.matchKind().name())
                .set(RATE_CARD.DEPLOYMENT, card.pattern())
                .set(RATE_CARD.CURRENCY, card.currency())
                .set(RATE_CARD.EFFECTIVE_FROM, card.effectiveFrom())
                .set(RATE_CARD.PROMPT_PER_1M, card.prices().prompt())
                .set(RATE_CARD.CACHED_PROMPT_PER_1M, card.prices().cachedPrompt())
                .set(RATE_CARD.COMPLETION_PER_1M, card.prices().completion())
                .set(RATE_CARD.REASONING_PER_1M, card.prices().reasoning())
                .set(RATE_CARD.LONG_CONTEXT_THRESHOLD, tier == null ? null : tier.promptTokensAbove())
                .set(
                        RATE_CARD.LONG_PROMPT_PER_1M,
                        tier == null ? null : tier.prices().prompt())
                .set(
                        RATE_CARD.LONG_CACHED_PROMPT_PER_1M,
                        tier == null ? null : tier.prices().cachedPrompt())
                .set(
                        RATE_CARD.LONG_COMPLETION_PER_1M,
                        tier == null ? null : tier.prices().completion())
                .set(
                        RATE_CARD.LONG_REASONING_PER_1M,
                        tier == null ? null : tier.prices().reasoning())
                .set(RATE_CARD.CREATED_BY, createdBy)
                .set(RATE_CARD.REASON, card.reason())
                .returning()
                .fetchSingle());
    }

    List<Long> idsInCurrency(String currency) {
        return dsl.select(RATE_CARD.RATE_CARD_ID)
                .from(RATE_CARD)
                .where(RATE_CARD.CURRENCY.eq(currency))
                .orderBy(RATE_CARD.RATE_CARD_ID)
                .fetch(RATE_CARD.RATE_CARD_ID);
    }

    boolean exists(MatchKind kind, String pattern, LocalDate effectiveFrom) {
        return dsl.fetchExists(RATE_CARD, samePattern(kind, pattern).and(RATE_CARD.EFFECTIVE_FROM.eq(effectiveFrom)));
    }

    /** The first version of the same pattern that starts after {@code day}. */
    Optional<LocalDate> nextVersionAfter(MatchKind kind, String pattern, LocalDate day) {
        return dsl.select(RATE_CARD.EFFECTIVE_FROM)
                .from(RATE_CARD)
                .where(samePattern(kind, pattern).and(RATE_CARD.EFFECTIVE_FROM.gt(day)))
                .orderBy(RATE_CARD.EFFECTIVE_FROM)
                .limit(1)
                .fetchOptional(RATE_CARD.EFFECTIVE_FROM);
    }

    List<RateCard> all() {
        return dsl.selectFrom(RATE_CARD)
                .orderBy(RATE_CARD.MATCH_KIND, RATE_CARD.DEPLOYMENT, RATE_CARD.EFFECTIVE_FROM)
                .fetch(RateCardRepository::toRateCard);
    }

    /** The cards of these deployments and every model card (model cards are few and may match any of them). */
    List<RateCard> forDeployments(Collection<String> deployments) {
        return dsl.selectFrom(RATE_CARD)
                .where(samePattern(MatchKind.DEPLOYMENT, null)
                        .and(RATE_CARD.DEPLOYMENT.in(deployments))
                        .or(RATE_CARD.MATCH_KIND.ne(MatchKind.DEPLOYMENT.name())))
                .fetch(RateCardRepository::toRateCard);
    }

    List<RateCard> withIds(Collection<Long> ids) {
        return dsl.selectFrom(RATE_CARD)
                .where(RATE_CARD.RATE_CARD_ID.in(ids))
                .orderBy(RATE_CARD.RATE_CARD_ID)
                .fetch(RateCardRepository::toRateCard);
    }

    private static Condition samePattern(MatchKind kind, String pattern) {
        Condition condition = RATE_CARD.MATCH_KIND.eq(kind.name());
        return pattern == null ? condition : condition.and(RATE_CARD.DEPLOYMENT.eq(pattern));
    }

    private static RateCard toRateCard(RateCardRecord row) {
        LongContextTier tier = row.getLongContextThreshold() == null
                ? null
                : new LongContextTier(
                        row.getLongContextThreshold(),
                        new Prices(
                                row.getLongPromptPer_1m(),
                                row.getLongCachedPromptPer_1m(),
                                row.getLongCompletionPer_1m(),
                                row.getLongReasoningPer_1m()));
        return new RateCard(
                row.getRateCardId(),
                MatchKind.valueOf(row.getMatchKind()),
                row.getDeployment(),
                row.getCurrency(),
                row.getEffectiveFrom(),
                new Prices(
                        row.getPromptPer_1m(),
                        row.getCachedPromptPer_1m(),
                        row.getCompletionPer_1m(),
                        row.getReasoningPer_1m()),
                tier,
                row.getCreatedAt().toInstant(),
                row.getCreatedBy(),
                row.getReason());
    }
}
