package io.tokenledger.reporting.statement;

import io.tokenledger.pricing.RateCard;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.modulith.NamedInterface;

/**
 * Which rate-card version priced a deployment's usage (of one reported model) on which days of the period, so that
 * every cost on the statement can be traced to a price.
 *
 * @param model as the backend reported it; null when it did not
 * @param card empty for days on which no version was in force (that usage is unpriced)
 * @param note how a card in another currency was converted ("EUR × 1.085 (FX rate 2026-10)"), or why it was not
 *     ("not converted: no EUR rate for 2026-10; …"); empty for cards in the reporting currency
 */
@NamedInterface("statement")
public record RateCardUse(
        String deployment, String model, LocalDate from, LocalDate to, Optional<RateCard> card, String note) {

    /** The version's id as statements name it ("#12"), or "none" for days without a price. */
    public String version() {
        return card.map(rateCard -> "#" + rateCard.id()).orElse("none");
    }
}
