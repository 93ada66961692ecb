package io.tokenledger.pricing;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publishing and reading rate-card versions. */
@Service
public class RateCards {

    private static final int MAX_DEPLOYMENT_LENGTH = 200;

    private final RateCardRepository repository;
    private final PricingProperties properties;
    private final ApplicationEventPublisher events;
    private final DeploymentPriceLock lock;

    RateCards(
            RateCardRepository repository,
            PricingProperties properties,
            ApplicationEventPublisher events,
            DeploymentPriceLock lock) {
        this.repository = repository;
        this.properties = properties;
        this.events = events;
        this.lock = lock;
    }

    /**
     * Publishes a new immutable version. Usage already stored for its deployment and validity interval is
     * re-priced in the same transaction by the listeners of {@link RateCardPublished}.
     *
     * @throws RateCardRejectedException when a field is invalid or the version already exists
     */
    @Transactional
    public RateCard publish(NewRateCard card, String createdBy) {
        validate(card);
        lock.lockForRepricing(card.deployment());
        if (repository.exists(card.deployment(), card.effectiveFrom())) {
            throw new RateCardRejectedException(
                    "effectiveFrom",
                    "deployment '" + card.deployment() + "' already has a version effective from "
                            + card.effectiveFrom()
                            + "; versions are immutable, publish a new one with another effectiveFrom",
                    true);
        }
        RateCard published = repository.insert(card, createdBy);
        events.publishEvent(
                new RateCardPublished(published, repository.nextVersionAfter(card.deployment(), card.effectiveFrom())));
        return published;
    }

    @Transactional(readOnly = true)
    public List<RateCard> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public PriceBook priceBook(Collection<String> deployments) {
        return new PriceBook(deployments.isEmpty() ? List.of() : repository.forDeployments(deployments));
    }

    public String reportingCurrency() {
        return properties.currency();
    }

    private void validate(NewRateCard card) {
        if (card.deployment() == null || card.deployment().isBlank()) {
            throw invalid("deployment", "deployment is required");
        }
        if (card.deployment().length() > MAX_DEPLOYMENT_LENGTH) {
            throw invalid("deployment", "deployment must be at most " + MAX_DEPLOYMENT_LENGTH + " characters");
        }
        if (card.effectiveFrom() == null) {
            throw invalid("effectiveFrom", "effectiveFrom is required (a day, YYYY-MM-DD)");
        }
        if (card.currency() == null || !card.currency().equals(properties.currency())) {
            throw invalid(
                    "currency",
                    "currency must be the reporting currency " + properties.currency()
                            + " (tokenledger.pricing.currency); other currencies need FX rates, which this version"
                            + " does not support yet");
        }
        requirePrice("promptPer1M", card.prices().prompt());
        requirePrice("cachedPromptPer1M", card.prices().cachedPrompt());
        requirePrice("completionPer1M", card.prices().completion());
        requirePrice("reasoningPer1M", card.prices().reasoning());
    }

    private static void requirePrice(String field, BigDecimal price) {
        if (price.signum() < 0) {
            throw invalid(field, field + " must not be negative");
        }
    }

    private static RateCardRejectedException invalid(String field, String message) {
        return new RateCardRejectedException(field, message, false);
    }
}
