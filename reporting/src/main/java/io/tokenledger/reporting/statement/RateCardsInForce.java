package io.tokenledger.reporting.statement;

import io.tokenledger.pricing.PriceBook;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.reporting.ledger.LedgerRow;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The rate-card versions in force on each day of the period for every deployment and model that had usage, asked
 * of the same {@link PriceBook} that priced the usage, with consecutive days of one version folded into a range.
 */
final class RateCardsInForce {

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    private RateCardsInForce() {}

    /**
     * @param rates the period's FX rate of a currency into the reporting currency, empty when it has none
     */
    static List<RateCardUse> of(
            RateCards rateCards,
            List<LedgerRow> rows,
            LocalDate from,
            LocalDate to,
            Function<String, Optional<BigDecimal>> rates) {
        String reporting = rateCards.reportingCurrency();
        String period = YearMonth.from(from).toString();
        Function<Optional<RateCard>, String> note =
                card -> card.filter(rateCard -> !rateCard.currency().equals(reporting))
                        .map(rateCard -> rates.apply(rateCard.currency())
                                .map(rate -> rateCard.currency() + " × "
                                        + rate.stripTrailingZeros().toPlainString() + " (FX rate " + period + ")")
                                .orElse("not converted: no " + rateCard.currency() + " rate for " + period
                                        + "; its usage is unpriced until one is entered"))
                        .orElse("");
        Map<String, TreeSet<String>> modelsByDeployment = new TreeMap<>();
        for (LedgerRow row : rows) {
            modelsByDeployment
                    .computeIfAbsent(row.deployment(), key -> new TreeSet<>(NULLS_FIRST))
                    .add(row.model());
        }
        if (modelsByDeployment.isEmpty()) {
            return List.of();
        }
        PriceBook book = rateCards.priceBook(modelsByDeployment.keySet());
        List<RateCardUse> uses = new ArrayList<>();
        modelsByDeployment.forEach((deployment, models) -> {
            for (String model : models) {
                LocalDate start = from;
                Optional<RateCard> current = book.inForce(deployment, model, from);
                for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
                    Optional<RateCard> card = book.inForce(deployment, model, day);
                    if (!sameVersion(card, current)) {
                        uses.add(new RateCardUse(
                                deployment, model, start, day.minusDays(1), current, note.apply(current)));
                        start = day;
                        current = card;
                    }
                }
                uses.add(new RateCardUse(deployment, model, start, to, current, note.apply(current)));
            }
        });
        return uses;
    }

    private static boolean sameVersion(Optional<RateCard> a, Optional<RateCard> b) {
        return Objects.equals(a.map(RateCard::id), b.map(RateCard::id));
    }
}
