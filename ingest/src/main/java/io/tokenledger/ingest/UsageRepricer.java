package io.tokenledger.ingest;

import static io.tokenledger.db.jooq.Tables.BILLING_PERIOD;
import static io.tokenledger.db.jooq.Tables.USAGE_DAILY;
import static io.tokenledger.db.jooq.Tables.USAGE_EVENT;

import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.pricing.CostExpression;
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
import org.jooq.Field;
import org.jooq.impl.DSL;
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
 */
@Component
class UsageRepricer {

    private static final Logger log = LoggerFactory.getLogger(UsageRepricer.class);

    private static final String COMBOS =
            "with combos as (select * from unnest({0}::text[], {1}::text[], {2}::date[]) as c(deployment, model, day))";

    private static final String ON_COMBO = "e.deployment = c.deployment and e.model = c.model and e.usage_day = c.day";

    private static final String REPRICE_OPEN = COMBOS + ", repriced as ("
            + " update usage_event e set rate_card_id = rate_card.rate_card_id, cost = {3}"
            + " from combos c, rate_card where rate_card.rate_card_id = {4} and " + ON_COMBO
            + " returning e.tenant_key)"
            + " select tenant_key, count(*) from repriced group by tenant_key";

    private static final String DELETE_ROLLUPS = COMBOS + " delete from usage_daily d using combos c"
            + " where d.deployment = c.deployment and d.model = c.model and d.usage_day = c.day";

    private static final String REBUILD_ROLLUPS = COMBOS + " insert into usage_daily (usage_day, tenant_key,"
            + " deployment, model, requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens,"
            + " cost, unpriced_requests)"
            + " select e.usage_day, e.tenant_key, e.deployment, e.model, sum(e.requests), sum(e.prompt_tokens),"
            + " sum(e.cached_prompt_tokens), sum(e.completion_tokens), sum(e.reasoning_tokens),"
            + " coalesce(sum(e.cost), 0), coalesce(sum(e.requests) filter (where e.cost is null), 0)"
            + " from usage_event e join combos c on " + ON_COMBO
            + " group by e.usage_day, e.tenant_key, e.deployment, e.model"
            + " order by e.usage_day, e.tenant_key, e.deployment, e.model";

    // the CTE "old" reads the events as they were before this statement, so old and new cost meet in "repriced"
    private static final String REPRICE_CLOSED = COMBOS + ", old as ("
            + " select e.event_id, e.cost as old_cost from usage_event e join combos c on " + ON_COMBO
            + "), repriced as ("
            + " update usage_event e set rate_card_id = rate_card.rate_card_id, cost = {3}"
            + " from old o, rate_card where rate_card.rate_card_id = {4} and e.event_id = o.event_id"
            + " returning e.usage_day, e.tenant_key, e.deployment, e.model, e.requests, o.old_cost, e.cost"
            + "), booked as ("
            + " insert into ledger_adjustment (booked_period, refers_to_period, cause, tenant_key, deployment, model,"
            + " requests, prompt_tokens, cached_prompt_tokens, completion_tokens, reasoning_tokens, cost,"
            + " unpriced_requests, rate_card_id)"
            + " select {5}, date_trunc('month', usage_day::timestamp)::date, 'REPRICING', tenant_key, deployment,"
            + " model, 0, 0, 0, 0, 0, sum(cost - coalesce(old_cost, 0)),"
            + " -coalesce(sum(requests) filter (where old_cost is null), 0), {4}"
            + " from repriced group by 2, tenant_key, deployment, model"
            + " having sum(cost - coalesce(old_cost, 0)) <> 0 or count(*) filter (where old_cost is null) > 0"
            + " order by 2, tenant_key, deployment, model"
            + ") select tenant_key, count(*) from repriced group by tenant_key";

    // the period's usage priced by a card in the rate's currency, converted anew (the card that priced it stays)
    private static final String RECONVERT = COMBOS + ", repriced as ("
            + " update usage_event e set cost = {3} from combos c, rate_card"
            + " where rate_card.rate_card_id = e.rate_card_id and rate_card.currency = {4} and " + ON_COMBO
            + " returning e.tenant_key)"
            + " select tenant_key, count(*) from repriced group by tenant_key";

    private final DSLContext dsl;
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
        this.rateCards = rateCards;
        this.calendar = calendar;
        this.locks = locks;
        this.ledgerEvents = ledgerEvents;
    }

    /** Usage of one deployment and model on one business day ({@code model} is '' when unknown). */
    private record Combo(String deployment, String model, LocalDate day) {}

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
        long events = reprice(REPRICE_OPEN, open, card, null, tenants);
        if (!open.isEmpty()) {
            dsl.execute(DELETE_ROLLUPS, arrays(open));
            dsl.execute(REBUILD_ROLLUPS, arrays(open));
        }
        long frozen = reprice(REPRICE_CLOSED, closed, card, openPeriod, tenants);
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
        List<Object> arguments = new ArrayList<>(List.of(arrays(combos)));
        arguments.add(cost());
        arguments.add(DSL.val(rate.currency()));
        Set<String> tenants = new TreeSet<>();
        long events = 0;
        for (var row : dsl.resultQuery(RECONVERT, arguments.toArray()).fetch()) {
            tenants.add(row.get(0, String.class));
            events += row.get(1, Long.class);
        }
        dsl.execute(DELETE_ROLLUPS, arrays(combos));
        dsl.execute(REBUILD_ROLLUPS, arrays(combos));
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

    /** @param openPeriod where the difference is booked, for closed periods' usage; null for open ones */
    private long reprice(
            String statement, List<Combo> combos, RateCard card, YearMonth openPeriod, Set<String> tenants) {
        if (combos.isEmpty()) {
            return 0;
        }
        List<Object> arguments = new ArrayList<>(List.of(arrays(combos)));
        arguments.add(cost());
        arguments.add(DSL.val(card.id()));
        if (openPeriod != null) {
            arguments.add(DSL.val(openPeriod.atDay(1)));
        }
        long events = 0;
        for (var row : dsl.resultQuery(statement, arguments.toArray()).fetch()) {
            tenants.add(row.get(0, String.class));
            events += row.get(1, Long.class);
        }
        return events;
    }

    private static Object[] arrays(List<Combo> combos) {
        return new Object[] {
            DSL.val(combos.stream().map(Combo::deployment).toArray(String[]::new)),
            DSL.val(combos.stream().map(Combo::model).toArray(String[]::new)),
            DSL.val(combos.stream().map(Combo::day).toArray(LocalDate[]::new))
        };
    }

    private Field<java.math.BigDecimal> cost() {
        return CostExpression.inReportingCurrency(
                rateCards.reportingCurrency(),
                DSL.field("e.usage_day", LocalDate.class),
                DSL.field("e.prompt_tokens", Long.class),
                DSL.field("e.cached_prompt_tokens", Long.class),
                DSL.field("e.completion_tokens", Long.class),
                DSL.field("e.reasoning_tokens", Long.class));
    }
}
