package io.tokenledger.pricing;

import io.tokenledger.db.RejectedException;
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
     * @throws RejectedException when a field is invalid or the version already exists
     */
    @Transactional
    public RateCard publish(NewRateCard given, String createdBy) {
        NewRateCard card = validate(given);
        lock.lockForRepricing(card.matchKind(), card.pattern());
        if (repository.exists(card.matchKind(), card.pattern(), card.effectiveFrom())) {
            throw RejectedException.conflict(
                    "effectiveFrom",
                    describe(card) + " already has a version effective from " + card.effectiveFrom()
                            + "; versions are immutable, publish a new one with another effectiveFrom");
        }
        RateCard published = repository.insert(card, createdBy);
        events.publishEvent(new RateCardPublished(
                published, repository.nextVersionAfter(card.matchKind(), card.pattern(), card.effectiveFrom())));
        return published;
    }

    @Transactional(readOnly = true)
    public List<RateCard> all() {
        return repository.all();
    }

    /** The versions with these ids, e.g. those that priced a period's usage. */
    @Transactional(readOnly = true)
    public List<RateCard> withIds(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : repository.withIds(ids);
    }

    /** The ids of the versions in {@code currency}, e.g. those whose usage an FX rate of that currency converts. */
    @Transactional(readOnly = true)
    public List<Long> idsInCurrency(String currency) {
        return repository.idsInCurrency(currency);
    }

    @Transactional(readOnly = true)
    public PriceBook priceBook(Collection<String> deployments) {
        return new PriceBook(deployments.isEmpty() ? List.of() : repository.forDeployments(deployments));
    }

    public String reportingCurrency() {
        return properties.currency();
    }

    private static String describe(NewRateCard card) {
        return switch (card.matchKind()) {
            case DEPLOYMENT -> "deployment '" + card.pattern() + "'";
            case MODEL_EXACT -> "model '" + card.pattern() + "'";
            case MODEL_PREFIX -> "model prefix '" + card.pattern() + "'";
            case MODEL_REGEX -> "model pattern /" + card.pattern() + "/";
        };
    }

    /**
     * Checks a card as {@link #publish} would, without publishing it.
     *
     * @throws RejectedException naming the field that is wrong, or {@code effectiveFrom} when the version
     *     exists already
     */
    @Transactional(readOnly = true)
    public void check(NewRateCard given) {
        NewRateCard card = validate(given);
        if (repository.exists(card.matchKind(), card.pattern(), card.effectiveFrom())) {
            throw RejectedException.conflict(
                    "effectiveFrom", describe(card) + " already has a version effective from " + card.effectiveFrom());
        }
    }

    /** The card as it is stored (prices as {@link DecimalBounds#check} keeps them), or why it is refused. */
    private NewRateCard validate(NewRateCard card) {
        String field = card.matchKind() == MatchKind.DEPLOYMENT ? "deployment" : "model";
        if (card.pattern() == null || card.pattern().isBlank()) {
            throw RejectedException.invalid(field, field + " is required");
        }
        if (card.pattern().length() > MAX_DEPLOYMENT_LENGTH) {
            throw RejectedException.invalid(field, field + " must be at most " + MAX_DEPLOYMENT_LENGTH + " characters");
        }
        if (card.matchKind() == MatchKind.MODEL_REGEX) {
            try {
                java.util.regex.Pattern.compile(card.pattern());
            } catch (java.util.regex.PatternSyntaxException e) {
                throw RejectedException.invalid(
                        field, field + " is not a valid regular expression: " + e.getDescription());
            }
        }
        if (card.effectiveFrom() == null) {
            throw RejectedException.invalid("effectiveFrom", "effectiveFrom is required (a day, YYYY-MM-DD)");
        }
        if (card.currency() == null || !isIsoCurrency(card.currency())) {
            throw RejectedException.invalid(
                    "currency",
                    "currency must be an ISO 4217 code such as USD or EUR, was '" + card.currency() + "'; cards in"
                            + " another currency than the reporting currency " + properties.currency()
                            + " are converted with the FX rate of each billing period");
        }
        Prices prices = prices("", card.prices());
        LongContextTier longContext = card.longContext() == null
                ? null
                : new LongContextTier(
                        card.longContext().promptTokensAbove(),
                        prices("longContext.", card.longContext().prices()));
        if (card.reason() != null && card.reason().length() > 1000) {
            throw RejectedException.invalid("reason", "reason must be at most 1000 characters");
        }
        return new NewRateCard(
                card.matchKind(),
                card.pattern(),
                card.currency(),
                card.effectiveFrom(),
                prices,
                longContext,
                card.reason());
    }

    private static boolean isIsoCurrency(String code) {
        try {
            return java.util.Currency.getInstance(code).getCurrencyCode().equals(code);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Prices prices(String prefix, Prices prices) {
        return new Prices(
                price(prefix + "promptPer1M", prices.prompt()),
                price(prefix + "cachedPromptPer1M", prices.cachedPrompt()),
                price(prefix + "completionPer1M", prices.completion()),
                price(prefix + "reasoningPer1M", prices.reasoning()));
    }

    /** Not negative, and within {@link DecimalBounds}. */
    private static BigDecimal price(String field, BigDecimal price) {
        if (price.signum() < 0) {
            throw RejectedException.invalid(field, field + " must not be negative");
        }
        return DecimalBounds.check(field, price);
    }
}
