package io.tokenledger.pricing;

import static io.tokenledger.db.jooq.Tables.RATE_CARD;

import io.tokenledger.db.jooq.tables.records.RateCardRecord;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class RateCardRepository {

    private final DSLContext dsl;

    RateCardRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    RateCard insert(NewRateCard card, String createdBy) {
        return toRateCard(dsl.insertInto(RATE_CARD)
                .set(RATE_CARD.DEPLOYMENT, card.deployment())
                .set(RATE_CARD.CURRENCY, card.currency())
                .set(RATE_CARD.EFFECTIVE_FROM, card.effectiveFrom())
                .set(RATE_CARD.PROMPT_PER_1M, card.prices().prompt())
                .set(RATE_CARD.CACHED_PROMPT_PER_1M, card.prices().cachedPrompt())
                .set(RATE_CARD.COMPLETION_PER_1M, card.prices().completion())
                .set(RATE_CARD.REASONING_PER_1M, card.prices().reasoning())
                .set(RATE_CARD.CREATED_BY, createdBy)
                .returning()
                .fetchSingle());
    }

    boolean exists(String deployment, LocalDate effectiveFrom) {
        return dsl.fetchExists(
                RATE_CARD, RATE_CARD.DEPLOYMENT.eq(deployment).and(RATE_CARD.EFFECTIVE_FROM.eq(effectiveFrom)));
    }

    /** The first version of {@code deployment} that starts after {@code day}. */
    Optional<LocalDate> nextVersionAfter(String deployment, LocalDate day) {
        return dsl.select(RATE_CARD.EFFECTIVE_FROM)
                .from(RATE_CARD)
                .where(RATE_CARD.DEPLOYMENT.eq(deployment).and(RATE_CARD.EFFECTIVE_FROM.gt(day)))
                .orderBy(RATE_CARD.EFFECTIVE_FROM)
                .limit(1)
                .fetchOptional(RATE_CARD.EFFECTIVE_FROM);
    }

    List<RateCard> all() {
        return dsl.selectFrom(RATE_CARD)
                .orderBy(RATE_CARD.DEPLOYMENT, RATE_CARD.EFFECTIVE_FROM)
                .fetch(RateCardRepository::toRateCard);
    }

    List<RateCard> forDeployments(Collection<String> deployments) {
        return dsl.selectFrom(RATE_CARD)
                .where(RATE_CARD.DEPLOYMENT.in(deployments))
                .fetch(RateCardRepository::toRateCard);
    }

    private static RateCard toRateCard(RateCardRecord row) {
        return new RateCard(
                row.getRateCardId(),
                row.getDeployment(),
                row.getCurrency(),
                row.getEffectiveFrom(),
                new Prices(
                        row.getPromptPer_1m(),
                        row.getCachedPromptPer_1m(),
                        row.getCompletionPer_1m(),
                        row.getReasoningPer_1m()),
                row.getCreatedAt().toInstant(),
                row.getCreatedBy());
    }
}
