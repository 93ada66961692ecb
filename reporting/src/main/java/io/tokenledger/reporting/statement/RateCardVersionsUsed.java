package io.tokenledger.reporting.statement;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.PriceBook;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.pricing.fx.FxRate;
import io.tokenledger.pricing.fx.FxRates;
import io.tokenledger.reporting.ledger.LedgerDimension;
import io.tokenledger.reporting.ledger.LedgerQuery;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.reporting.ledger.TenantScope;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Priced with version X": which rate-card versions priced the usage of a period, per deployment and model, for the
 * dashboard (the statements' "Rate cards used" sheet shows the same, from {@link RateCardsInForce}).
 */
@Service
@NamedInterface("statement")
public class RateCardVersionsUsed {

    private final Ledgers ledgers;
    private final RateCards rateCards;
    private final FxRates fx;
    private final BusinessCalendar calendar;

    RateCardVersionsUsed(Ledgers ledgers, RateCards rateCards, FxRates fx, BusinessCalendar calendar) {
        this.ledgers = ledgers;
        this.rateCards = rateCards;
        this.fx = fx;
        this.calendar = calendar;
    }

    /**
     * The versions in force for every deployment and model the tenants in {@code scope} used in {@code period}, by
     * deployment, model and day range (the current period up to today).
     */
    @Transactional(readOnly = true)
    public List<RateCardUse> inPeriod(YearMonth period, TenantScope scope) {
        LocalDate from = period.atDay(1);
        LocalDate today = calendar.today();
        LocalDate to = period.equals(YearMonth.from(today)) ? today : period.atEndOfMonth();
        if (from.isAfter(to)) {
            return List.of();
        }
        Optional<String> one = !scope.all() && scope.keys().size() == 1
                ? Optional.of(scope.keys().iterator().next())
                : Optional.empty();
        List<LedgerRow> rows = ledgers.query(new LedgerQuery(
                        from,
                        to,
                        List.of(LedgerDimension.TENANT, LedgerDimension.DEPLOYMENT, LedgerDimension.MODEL),
                        one,
                        scope))
                .rows();
        return RateCardsInForce.of(
                rateCards, rows, from, to, currency -> fx.rate(period, currency).map(FxRate::rate));
    }

    /**
     * For a tenant page's breakdown by deployment: the versions ("#12") that priced each deployment's usage of
     * {@code tenant} in {@code period}, in order of first use, counting only days with usage; "none" stands for usage
     * no version priced.
     */
    @Transactional(readOnly = true)
    public Map<String, List<String>> versionsByDeployment(YearMonth period, String tenant) {
        List<LedgerRow> rows = ledgers.query(new LedgerQuery(
                        period.atDay(1),
                        period.atEndOfMonth(),
                        List.of(LedgerDimension.DAY, LedgerDimension.DEPLOYMENT, LedgerDimension.MODEL),
                        Optional.of(tenant),
                        TenantScope.only(Set.of(tenant))))
                .rows();
        if (rows.isEmpty()) {
            return Map.of();
        }
        PriceBook book = rateCards.priceBook(
                rows.stream().map(LedgerRow::deployment).distinct().toList());
        Map<String, Set<String>> versions = new LinkedHashMap<>();
        for (LedgerRow row : rows) {
            versions.computeIfAbsent(row.deployment(), key -> new LinkedHashSet<>())
                    .add(book.inForce(row.deployment(), row.model(), row.day())
                            .map(card -> "#" + card.id())
                            .orElse("none"));
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        versions.forEach((deployment, ids) -> result.put(deployment, List.copyOf(ids)));
        return result;
    }
}
