package io.tokenledger.web.pricing;

import io.tokenledger.pricing.LongContextTier;
import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.web.api.ApiProblem;
import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET/POST /api/v1/rate-cards}: prices per 1M tokens, as exact decimal strings, for a deployment
 * ({@code "deployment"}) or for models ({@code "model"} with {@code "match"}: exact, prefix or regex), optionally
 * with a long-context tier.
 */
@RestController
@RequestMapping("/api/v1/rate-cards")
class RateCardsController {

    private final RateCards rateCards;

    RateCardsController(RateCards rateCards) {
        this.rateCards = rateCards;
    }

    @GetMapping
    List<RateCardJson> all() {
        return rateCards.all().stream().map(RateCardJson::of).toList();
    }

    @PostMapping
    ResponseEntity<RateCardJson> publish(@RequestBody NewRateCardJson body, Principal principal) {
        if (body == null) {
            throw ApiProblem.badRequest("The body must be a rate card JSON object.");
        }
        RateCard published = rateCards.publish(body.toNewRateCard(), principal.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(RateCardJson.of(published));
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(RateCardPrices.required("effectiveFrom", value));
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("effectiveFrom must be a day as YYYY-MM-DD, was '" + value + "'");
        }
    }

    private static MatchKind matchKind(String deployment, String model, String match) {
        boolean hasDeployment = deployment != null && !deployment.isBlank();
        boolean hasModel = model != null && !model.isBlank();
        if (hasDeployment == hasModel) {
            throw ApiProblem.badRequest(
                    "Give exactly one of deployment (the card prices that deployment) or model (with match exact,"
                            + " prefix or regex).");
        }
        if (hasDeployment) {
            return MatchKind.DEPLOYMENT;
        }
        return switch (match == null ? "exact" : match.trim().toLowerCase(Locale.ROOT)) {
            case "exact" -> MatchKind.MODEL_EXACT;
            case "prefix" -> MatchKind.MODEL_PREFIX;
            case "regex" -> MatchKind.MODEL_REGEX;
            default -> throw ApiProblem.badRequest("match must be exact, prefix or regex, was '" + match + "'");
        };
    }

    /** Prices are accepted as JSON strings (or numbers, read as written) so that no binary float touches them. */
    record NewRateCardJson(
            String deployment,
            String model,
            String match,
            String currency,
            String effectiveFrom,
            String promptPer1M,
            String cachedPromptPer1M,
            String completionPer1M,
            String reasoningPer1M,
            LongContextJson longContext,
            String reason) {

        NewRateCard toNewRateCard() {
            MatchKind kind = matchKind(deployment, model, match);
            return new NewRateCard(
                    kind,
                    (kind == MatchKind.DEPLOYMENT ? deployment : model).trim(),
                    RateCardPrices.required("currency", currency).toUpperCase(Locale.ROOT),
                    day(effectiveFrom),
                    RateCardPrices.of("", promptPer1M, cachedPromptPer1M, completionPer1M, reasoningPer1M),
                    longContext == null ? null : longContext.toTier(),
                    reason == null || reason.isBlank() ? null : reason.trim());
        }
    }

    record LongContextJson(
            Long promptTokensAbove,
            String promptPer1M,
            String cachedPromptPer1M,
            String completionPer1M,
            String reasoningPer1M) {

        LongContextTier toTier() {
            if (promptTokensAbove == null || promptTokensAbove < 0) {
                throw ApiProblem.badRequest(
                        "longContext.promptTokensAbove is required: the prompt-token count above which a request"
                                + " is priced at the long-context prices");
            }
            return new LongContextTier(
                    promptTokensAbove,
                    RateCardPrices.of("longContext.", promptPer1M, cachedPromptPer1M, completionPer1M, reasoningPer1M));
        }
    }

    record LongContextOut(
            long promptTokensAbove,
            String promptPer1M,
            String cachedPromptPer1M,
            String completionPer1M,
            String reasoningPer1M) {}

    record RateCardJson(
            long id,
            String deployment,
            String model,
            String match,
            String currency,
            LocalDate effectiveFrom,
            String promptPer1M,
            String cachedPromptPer1M,
            String completionPer1M,
            String reasoningPer1M,
            LongContextOut longContext,
            String reason,
            java.time.Instant createdAt,
            String createdBy) {

        static RateCardJson of(RateCard card) {
            boolean deployment = card.matchKind() == MatchKind.DEPLOYMENT;
            Prices prices = card.prices();
            LongContextTier tier = card.longContext();
            return new RateCardJson(
                    card.id(),
                    deployment ? card.pattern() : null,
                    deployment ? null : card.pattern(),
                    deployment
                            ? null
                            : card.matchKind()
                                    .name()
                                    .substring("MODEL_".length())
                                    .toLowerCase(Locale.ROOT),
                    card.currency(),
                    card.effectiveFrom(),
                    RateCardPrices.text(prices.prompt()),
                    RateCardPrices.text(prices.cachedPrompt()),
                    RateCardPrices.text(prices.completion()),
                    RateCardPrices.text(prices.reasoning()),
                    tier == null
                            ? null
                            : new LongContextOut(
                                    tier.promptTokensAbove(),
                                    RateCardPrices.text(tier.prices().prompt()),
                                    RateCardPrices.text(tier.prices().cachedPrompt()),
                                    RateCardPrices.text(tier.prices().completion()),
                                    RateCardPrices.text(tier.prices().reasoning())),
                    card.reason(),
                    card.createdAt(),
                    card.createdBy());
        }
    }
}
