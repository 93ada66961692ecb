package io.tokenledger.reporting.statement;

import io.tokenledger.pricing.RateCard;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Which rate-card version priced a deployment's usage (of one reported model) on which days of the period, so that
 * every cost on the statement can be traced to a price.
 *
 * @param model as the backend reported it; null when it did not
 * @param card empty for days on which no version was in force (that usage is unpriced)
 */
public record RateCardUse(String deployment, String model, LocalDate from, LocalDate to, Optional<RateCard> card) {}
