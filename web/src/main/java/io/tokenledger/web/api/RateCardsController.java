package io.tokenledger.web.api;

import io.tokenledger.pricing.NewRateCard;
import io.tokenledger.pricing.Prices;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.web.Amounts;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
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

/** {@code GET/POST /api/v1/rate-cards}: prices per 1M tokens, as exact decimal strings. */
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
        BigDecimal completion = price("completionPer1M", body.completionPer1M(), true);
        NewRateCard card = new NewRateCard(
                required("deployment", body.deployment()),
                required("currency", body.currency()).toUpperCase(Locale.ROOT),
                day(body.effectiveFrom()),
                new Prices(
                        price("promptPer1M", body.promptPer1M(), true),
                        price("cachedPromptPer1M", body.cachedPromptPer1M(), true),
                        completion,
                        body.reasoningPer1M() == null
                                ? completion
                                : price("reasoningPer1M", body.reasoningPer1M(), false)));
        RateCard published = rateCards.publish(card, principal.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(RateCardJson.of(published));
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest(field + " is required");
        }
        return value.trim();
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(required("effectiveFrom", value));
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest("effectiveFrom must be a day as YYYY-MM-DD, was '" + value + "'");
        }
    }

    private static BigDecimal price(String field, String value, boolean required) {
        if (value == null && !required) {
            return null;
        }
        try {
            return new BigDecimal(required(field, value));
        } catch (NumberFormatException e) {
            throw ApiProblem.badRequest(
                    field + " must be a decimal number as a string, e.g. \"0.15\", was '" + value + "'");
        }
    }

    /** Prices are accepted as JSON strings (or numbers, read as written) so that no binary float touches them. */
    record NewRateCardJson(
            String deployment,
            String currency,
            String effectiveFrom,
            String promptPer1M,
            String cachedPromptPer1M,
            String completionPer1M,
            String reasoningPer1M) {}

    record RateCardJson(
            long id,
            String deployment,
            String currency,
            LocalDate effectiveFrom,
            String promptPer1M,
            String cachedPromptPer1M,
            String completionPer1M,
            String reasoningPer1M,
            Instant createdAt,
            String createdBy) {

        static RateCardJson of(RateCard card) {
            return new RateCardJson(
                    card.id(),
                    card.deployment(),
                    card.currency(),
                    card.effectiveFrom(),
                    Amounts.exact(card.prices().prompt()),
                    Amounts.exact(card.prices().cachedPrompt()),
                    Amounts.exact(card.prices().completion()),
                    Amounts.exact(card.prices().reasoning()),
                    card.createdAt(),
                    card.createdBy());
        }
    }
}
