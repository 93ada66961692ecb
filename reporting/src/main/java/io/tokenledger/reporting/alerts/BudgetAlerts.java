package io.tokenledger.reporting.alerts;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.pricing.BusinessCalendar;
import io.tokenledger.reporting.budgets.Budget;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.RunRate;
import io.tokenledger.reporting.budgets.Spending;
import io.tokenledger.reporting.periods.BillingPeriods;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evaluates budgets and records each crossing exactly once, with its deliveries to the matching channels in the
 * same transaction (the outbox). Run after every ingested batch for the tenants it touched, and by the scheduled
 * check for every budget. The alert table's unique key, not this code, guarantees "once": concurrent evaluations of
 * the same crossing (batches, instances, replays, restarts) all try, one insert wins.
 *
 * <p>Monthly steps are evaluated for the current period and the previous one while it is open (usage arriving just
 * after month end); daily thresholds for today and yesterday. Older windows never alert.
 */
@Service
class BudgetAlerts {

    private static final int TOP_DEPLOYMENTS = 3;

    private final Budgets budgets;
    private final Spending spending;
    private final AlertRepository alerts;
    private final DeliveryRepository deliveries;
    private final Tenants tenants;
    private final BillingPeriods periods;
    private final BusinessCalendar calendar;
    private final Clock clock = Clock.systemUTC();

    BudgetAlerts(
            Budgets budgets,
            Spending spending,
            AlertRepository alerts,
            DeliveryRepository deliveries,
            Tenants tenants,
            BillingPeriods periods,
            BusinessCalendar calendar) {
        this.budgets = budgets;
        this.spending = spending;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.tenants = tenants;
        this.periods = periods;
        this.calendar = calendar;
    }

    /** Evaluates the budgets of these tenants (and their cost centers) for the periods and days their usage changed. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    List<Alert> evaluate(
            Collection<String> tenantKeys, Collection<YearMonth> changedPeriods, Collection<LocalDate> changedDays) {
        if (tenantKeys.isEmpty()) {
            return List.of();
        }
        List<Budget> limiting = budgets.limiting(tenantKeys);
        if (limiting.isEmpty()) {
            return List.of();
        }
        LocalDate today = calendar.today();
        Set<YearMonth> windows = new TreeSet<>(changedPeriods);
        windows.retainAll(periodWindows(today));
        Set<LocalDate> days = new TreeSet<>(changedDays);
        days.retainAll(List.of(today, today.minusDays(1)));
        if (windows.isEmpty() && days.isEmpty()) {
            return List.of();
        }
        return fire(limiting, windows, days, today);
    }

    /** Evaluates one budget (just set) for the current (and open previous) period, today and yesterday. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    List<Alert> evaluate(Budget budget) {
        LocalDate today = calendar.today();
        return fire(List.of(budget), periodWindows(today), List.of(today.minusDays(1), today), today);
    }

    /** Evaluates every budget for the current (and open previous) period, today and yesterday. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    List<Alert> evaluateAll() {
        LocalDate today = calendar.today();
        return fire(budgets.all(), periodWindows(today), List.of(today.minusDays(1), today), today);
    }

    private List<YearMonth> periodWindows(LocalDate today) {
        YearMonth current = YearMonth.from(today);
        YearMonth previous = current.minusMonths(1);
        return periods.isClosed(previous) ? List.of(current) : List.of(previous, current);
    }

    private List<Alert> fire(
            List<Budget> limiting, Collection<YearMonth> windows, Collection<LocalDate> days, LocalDate today) {
        if (limiting.isEmpty()) {
            return List.of();
        }
        Map<Budget, Set<String>> members = new LinkedHashMap<>();
        Set<String> everyone = new TreeSet<>();
        for (Budget budget : limiting) {
            Set<String> of = budgets.members(budget);
            members.put(budget, of);
            everyone.addAll(of);
        }
        Map<YearMonth, Map<String, BigDecimal>> monthSpend = new HashMap<>();
        for (YearMonth period : windows) {
            monthSpend.put(period, spending.inPeriod(everyone, period));
        }
        Map<String, Map<LocalDate, BigDecimal>> daySpend = spending.onDays(everyone, days);
        List<AlertRepository.Candidate> candidates = new ArrayList<>();
        for (Map.Entry<Budget, Set<String>> entry : members.entrySet()) {
            Budget budget = entry.getKey();
            if (budget.monthly() != null) {
                for (YearMonth period : windows) {
                    BigDecimal spend = sum(entry.getValue(), monthSpend.get(period));
                    for (int step : budget.steps()) {
                        BigDecimal threshold = budget.monthly()
                                .multiply(BigDecimal.valueOf(step))
                                .movePointLeft(2);
                        if (spend.compareTo(threshold) >= 0) {
                            candidates.add(new AlertRepository.Candidate(
                                    key(budget, AlertKind.MONTHLY, step, period.atDay(1)),
                                    budget.monthly(),
                                    threshold,
                                    spend));
                        }
                    }
                }
            }
            if (budget.daily() != null) {
                for (LocalDate day : days) {
                    BigDecimal spend = entry.getValue().stream()
                            .map(tenant ->
                                    daySpend.getOrDefault(tenant, Map.of()).getOrDefault(day, BigDecimal.ZERO))
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (spend.compareTo(budget.daily()) >= 0) {
                        candidates.add(new AlertRepository.Candidate(
                                key(budget, AlertKind.DAILY, 100, day), budget.daily(), budget.daily(), spend));
                    }
                }
            }
        }
        return record(candidates, members, today);
    }

    private List<Alert> record(
            List<AlertRepository.Candidate> candidates, Map<Budget, Set<String>> members, LocalDate today) {
        Set<AlertRepository.Key> existing = alerts.existing(
                candidates.stream().map(AlertRepository.Candidate::key).toList());
        List<Alert> fired = new ArrayList<>();
        Instant now = clock.instant();
        for (AlertRepository.Candidate candidate : candidates) {
            AlertRepository.Key key = candidate.key();
            if (existing.contains(key)) {
                continue;
            }
            Set<String> of = membersOf(members, key);
            YearMonth period = YearMonth.from(key.windowStart());
            BigDecimal forecast =
                    key.kind() == AlertKind.MONTHLY ? RunRate.forecast(candidate.spend(), period, today) : null;
            var top = spending.topDeployments(of, period, TOP_DEPLOYMENTS);
            alerts.insertIfNew(candidate, forecast, top, now).ifPresent(id -> {
                deliveries.enqueue(id, key.scope(), key.subject(), costCenterOf(key), now);
                alerts.find(id).ifPresent(fired::add);
            });
        }
        return fired;
    }

    private String costCenterOf(AlertRepository.Key key) {
        if (key.scope() == BudgetScope.COST_CENTER) {
            return key.subject();
        }
        return tenants.find(key.subject()).map(Tenant::costCenter).orElse(null);
    }

    private static Set<String> membersOf(Map<Budget, Set<String>> members, AlertRepository.Key key) {
        return members.entrySet().stream()
                .filter(entry -> entry.getKey().scope() == key.scope()
                        && entry.getKey().subject().equals(key.subject()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(Set.of());
    }

    private static AlertRepository.Key key(Budget budget, AlertKind kind, int step, LocalDate windowStart) {
        return new AlertRepository.Key(budget.scope(), budget.subject(), kind, step, windowStart);
    }

    private static BigDecimal sum(Set<String> tenants, Map<String, BigDecimal> spend) {
        return tenants.stream()
                .map(tenant -> spend.getOrDefault(tenant, BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
