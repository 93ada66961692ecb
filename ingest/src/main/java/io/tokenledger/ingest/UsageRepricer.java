package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.BILLING_PERIOD;
import static io.tokenledger.db.jooq.Tables.USAGE_DAILY;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.MatchKind;
import io.tokenledger.pricing.PriceBook;
import io.tokenledger.pricing.RateCard;
import io.tokenledger.pricing.RateCardPublished;
import io.tokenledger.pricing.RateCards;
import io.tokenledger.pricing.fx.FxRate;
import io.tokenledger.pricing.fx.FxRateSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prices stored usage with a newly published rate-card version, in the publishing transaction (which holds the
 * exclusive price lock of what the card may price). The usage it now prices is found per (deployment, model, day)
 * in the daily rollups and decided by the same {@link PriceBook} precedence as ingest, so a model card does not take
 * over usage that a deployment card prices. Then, set-based:
 *
 * <ul>
 *   <li>days of open periods: the events are re-priced and their rollups rebuilt from the events;
 *   <li>days of closed periods: the events are re-priced (they stay the truth of what each request cost) but the
 *       frozen rollups are not touched; the exact difference is booked as a {@code REPRICING} adjustment in the
 *       open period, per closed period, tenant, deployment and model.
 * </ul>
 *
 * <p>The statements are {@code sql/reprice-*.sql} ({@link RepricingStatements}).
 */
@Component
class UsageRepricer {

    private static final Logger log = LoggerFactory.getLogger(UsageRepricer.class);

    private final DSLContext dsl;
    private final RepricingStatements sql;
    private final RateCards rateCards;
    private final BusinessCalendar calendar;
    private final LedgerLocks locks;
    private final ApplicationEventPublisher ledgerEvents;

    UsageRepricer(
            DSLContext dsl,
            RateCards rateCards,
            BusinessCalendar calendar,
            LedgerLocks locks,
            ApplicationEventPublisher ledgerEvents) {
        this.dsl = dsl;
        this.sql = new RepricingStatements(dsl, rateCards.reportingCurrency());
        this.rateCards = rateCards;
        this.calendar = calendar;
        this.locks = locks;
        this.ledgerEvents = ledgerEvents;
    }

    /** Usage of one deployment and model on one business day ({@code model} is '' when unknown). */
    record Combo(String deployment, String model, LocalDate day) {}

    @EventListener
    void reprice(RateCardPublished published) {
        RateCard card = published.card();
        LocalDate until = published.until().orElse(LocalDate.of(9999, 12, 31));
        List<Combo> candidates = candidates(card, until);
        if (candidates.isEmpty()) {
            return;
        }
        PriceBook prices = rateCards.priceBook(
                candidates.stream().map(Combo::deployment).distinct().toList());
        List<Combo> now = candidates.stream()
                .filter(combo -> prices.inForce(combo.deployment(), combo.model(), combo.day())
                        .filter(inForce -> inForce.id() == card.id())
                        .isPresent())
                .toList();
        if (now.isEmpty()) {
            return;
        }
        YearMonth openPeriod = calendar.currentPeriod();
        Set<YearMonth> periods = new TreeSet<>();
        now.forEach(combo -> periods.add(YearMonth.from(combo.day())));
        periods.add(openPeriod);
        locks.lockForWriting(periods);
        Set<LocalDate> closedStarts = new HashSet<>(dsl.select(BILLING_PERIOD.PERIOD_START)
                .from(BILLING_PERIOD)
                .where(BILLING_PERIOD.PERIOD_START.in(
                        periods.stream().map(p -> p.atDay(1)).toList()))
                .fetch(BILLING_PERIOD.PERIOD_START));
        List<Combo> open = new ArrayList<>();
        List<Combo> closed = new ArrayList<>();
        for (Combo combo : now) {
            (closedStarts.contains(combo.day().withDayOfMonth(1)) ? closed : open).add(combo);
        }
        Set<String> tenants = new TreeSet<>();
        long events = 0;
        if (!open.isEmpty()) {
            events = countByTenant(sql.repriceOpen(open, card.id()), tenants);
            sql.deleteRollups(open).execute();
            sql.rebuildRollups(open).execute();
        }
        long frozen = closed.isEmpty() ? 0 : countByTenant(sql.repriceClosed(closed, card.id(), openPeriod), tenants);
        if (events + frozen > 0) {
            Set<LocalDate> days = new TreeSet<>();
            open.forEach(combo -> days.add(combo.day()));
            ledgerEvents.publishEvent(new LedgerChanged(tenants, periods, days));
            log.info(
                    "Re-priced {} stored events of open periods and {} of closed periods (as adjustments) with rate card"
                            + " {} ({} {} from {})",
                    events,
                    frozen,
                    card.id(),
                    card.matchKind(),
                    card.pattern(),
                    card.effectiveFrom());
        }
    }

    /**
     * A period's FX rate was entered or corrected: the period's usage priced by cards in that currency is converted
     * anew and its rollups rebuilt, in the same transaction. Closed periods keep their amounts (their rates are
     * final; callers refuse them, this is the last guard).
     */
    @EventListener
    void reconvert(FxRateSet set) {
        FxRate rate = set.rate();
        if (dsl.fetchExists(
                BILLING_PERIOD, BILLING_PERIOD.PERIOD_START.eq(rate.period().atDay(1)))) {
            throw new IllegalStateException("billing period " + rate.period() + " is closed; its FX rates are final");
        }
        List<Long> cards = rateCards.idsInCurrency(rate.currency());
        List<Combo> combos = cards.isEmpty()
                ? List.of()
                : dsl.selectDistinct(USAGE_EVENT.DEPLOYMENT, USAGE_EVENT.MODEL, USAGE_EVENT.USAGE_DAY)
                        .from(USAGE_EVENT)
                        .where(USAGE_EVENT.USAGE_DAY.between(
                                rate.period().atDay(1), rate.period().atEndOfMonth()))
                        .and(USAGE_EVENT.RATE_CARD_ID.in(cards))
                        .fetch(row -> new Combo(row.value1(), row.value2(), row.value3()));
        if (combos.isEmpty()) {
            return;
        }
        locks.lockForWriting(List.of(rate.period()));
        Set<String> tenants = new TreeSet<>();
        long events = countByTenant(sql.reconvert(combos, rate.currency()), tenants);
        sql.deleteRollups(combos).execute();
        sql.rebuildRollups(combos).execute();
        Set<LocalDate> days = new TreeSet<>();
        combos.forEach(combo -> days.add(combo.day()));
        ledgerEvents.publishEvent(new LedgerChanged(tenants, Set.of(rate.period()), days));
        log.info(
                "Converted {} stored events of {} anew with the {} rate {}",
                events,
                rate.period(),
                rate.currency(),
                rate.rate());
    }

    /**
     * The usage the card may price: its deployment's, or for a model card any, in its validity interval. The daily
     * rollups know every day except the late usage of closed periods, which only the events know.
     */
    private List<Combo> candidates(RateCard card, LocalDate until) {
        Condition where = USAGE_DAILY.USAGE_DAY.ge(card.effectiveFrom()).and(USAGE_DAILY.USAGE_DAY.lt(until));
        if (card.matchKind() == MatchKind.DEPLOYMENT) {
            where = where.and(USAGE_DAILY.DEPLOYMENT.eq(card.pattern()));
        }
        Set<Combo> combos =
                new HashSet<>(dsl.selectDistinct(USAGE_DAILY.DEPLOYMENT, USAGE_DAILY.MODEL, USAGE_DAILY.USAGE_DAY)
                        .from(USAGE_DAILY)
                        .where(where)
                        .fetch(row -> new Combo(row.value1(), row.value2(), row.value3())));
        List<LocalDate> closed = dsl.select(BILLING_PERIOD.PERIOD_START)
                .from(BILLING_PERIOD)
                .where(BILLING_PERIOD.PERIOD_START.lt(until))
                .and(BILLING_PERIOD.PERIOD_START.ge(card.effectiveFrom().withDayOfMonth(1)))
                .fetch(BILLING_PERIOD.PERIOD_START);
        for (LocalDate start : closed) {
            Condition inMonth = USAGE_EVENT
                    .USAGE_DAY
                    .between(
                            start.isBefore(card.effectiveFrom()) ? card.effectiveFrom() : start,
                            start.plusMonths(1).minusDays(1))
                    .and(USAGE_EVENT.USAGE_DAY.lt(until));
            if (card.matchKind() == MatchKind.DEPLOYMENT) {
                inMonth = inMonth.and(USAGE_EVENT.DEPLOYMENT.eq(card.pattern()));
            }
            combos.addAll(dsl.selectDistinct(USAGE_EVENT.DEPLOYMENT, USAGE_EVENT.MODEL, USAGE_EVENT.USAGE_DAY)
                    .from(USAGE_EVENT)
                    .where(inMonth)
                    .fetch(row -> new Combo(row.value1(), row.value2(), row.value3())));
        }
        return List.copyOf(combos);
    }

    /** Runs a statement answering (tenant, events) and notes the tenants; answers the number of events. */
    private static long countByTenant(ResultQuery<Record> statement, Set<String> tenants) {
        long events = 0;
        for (var row : statement.fetch()) {
            tenants.add(row.get(0, String.class));
            events += row.get(1, Long.class);
        }
        return events;
    }
}
