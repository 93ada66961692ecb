package io.tokenledger.reporting.budgets;

import io.tokenledger.db.RejectedException;
import io.tokenledger.ingest.Tenant;
import io.tokenledger.ingest.Tenants;
import io.tokenledger.pricing.BusinessCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Budgets of tenants and cost centers, and where they stand against what was spent. */
@Service
public class Budgets {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    private static final int MAX_STEPS = 20;
    private static final int MAX_STEP = 1000;
    private static final int MAX_COST_CENTER_LENGTH = 100;

    private final BudgetRepository repository;
    private final Tenants tenants;
    private final Spending spending;
    private final BusinessCalendar calendar;
    private final ApplicationEventPublisher events;

    Budgets(
            BudgetRepository repository,
            Tenants tenants,
            Spending spending,
            BusinessCalendar calendar,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.tenants = tenants;
        this.spending = spending;
        this.calendar = calendar;
        this.events = events;
    }

    /**
     * Sets (creates or replaces) the budget of a tenant or cost center, and announces {@link BudgetChanged}, so that
     * steps the spend has already reached alert at once. Alerts already fired in the period stay: a step fires once
     * per period even if the budget changes.
     *
     * @throws RejectedException naming the invalid field, or {@code NOT_FOUND} for an unknown tenant
     */
    @Transactional
    public Budget set(BudgetScope scope, String subject, NewBudget budget, String updatedBy) {
        String checkedSubject = subject(scope, subject);
        BigDecimal monthly = amount("monthly", budget.monthly());
        BigDecimal daily = amount("daily", budget.daily());
        if (monthly == null && daily == null) {
            throw RejectedException.invalid(
                    "monthly", "give a monthly amount, a daily threshold or both, e.g. {\"monthly\":\"500.00\"}");
        }
        List<Integer> steps = steps(budget.steps() == null ? NewBudget.DEFAULT_STEPS : budget.steps());
        Budget saved = repository.save(new Budget(scope, checkedSubject, monthly, steps, daily, null, updatedBy));
        events.publishEvent(new BudgetChanged(saved));
        return saved;
    }

    /** Removes a budget; false when there was none. */
    @Transactional
    public boolean remove(BudgetScope scope, String subject) {
        return repository.delete(scope, subject);
    }

    @Transactional(readOnly = true)
    public List<Budget> all() {
        return repository.all();
    }

    @Transactional(readOnly = true)
    public Optional<Budget> find(BudgetScope scope, String subject) {
        return repository.find(scope, subject);
    }

    /** The budgets that limit any of these tenants: their own and their cost centers'. */
    @Transactional(readOnly = true)
    public List<Budget> limiting(Collection<String> tenantKeys) {
        return repository.of(tenantKeys, tenants.costCentersOf(tenantKeys));
    }

    /** The tenants whose spend a budget counts. */
    @Transactional(readOnly = true)
    public Set<String> members(Budget budget) {
        if (budget.scope() == BudgetScope.TENANT) {
            return Set.of(budget.subject());
        }
        return tenants.inCostCenter(budget.subject()).stream()
                .map(Tenant::key)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Every budget in the current period. */
    @Transactional(readOnly = true)
    public List<BudgetStatus> statuses() {
        return repository.all().stream().map(this::status).toList();
    }

    /** One budget in the current period. */
    @Transactional(readOnly = true)
    public BudgetStatus status(Budget budget) {
        LocalDate today = calendar.today();
        YearMonth period = YearMonth.from(today);
        Set<String> members = members(budget);
        BigDecimal spend = spending.inPeriodTogether(members, period);
        BigDecimal forecast = RunRate.forecast(spend, period, today);
        BigDecimal spendToday = spending.onDays(members, List.of(today)).values().stream()
                .flatMap(days -> days.values().stream())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BudgetStatus(
                budget,
                period,
                spend,
                RunRate.percent(spend, budget.monthly()),
                forecast,
                RunRate.percent(forecast, budget.monthly()),
                today,
                spendToday,
                RunRate.percent(spendToday, budget.daily()));
    }

    /** Spend in the current period per tenant (usage plus adjustments), for the dashboard's tenant tables. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> spendThisPeriod(Collection<String> tenantKeys) {
        return spending.inPeriod(tenantKeys, calendar.currentPeriod());
    }

    private String subject(BudgetScope scope, String subject) {
        String stripped = subject == null ? "" : subject.strip();
        if (scope == BudgetScope.TENANT) {
            if (stripped.isEmpty() || tenants.find(stripped).isEmpty()) {
                throw RejectedException.notFound("tenant", "There is no tenant '" + stripped + "'.");
            }
            return stripped;
        }
        if (stripped.isEmpty() || stripped.length() > MAX_COST_CENTER_LENGTH) {
            throw RejectedException.invalid(
                    "costCenter", "costCenter must be 1 to " + MAX_COST_CENTER_LENGTH + " characters");
        }
        return stripped;
    }

    private static BigDecimal amount(String field, BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw RejectedException.invalid(
                    field,
                    field + " must be a positive amount below " + MAX_AMOUNT.toPlainString() + ", was "
                            + amount.toPlainString());
        }
        return amount;
    }

    private static List<Integer> steps(List<Integer> steps) {
        TreeSet<Integer> sorted = new TreeSet<>();
        for (Integer step : steps) {
            if (step == null || step < 1 || step > MAX_STEP) {
                throw RejectedException.invalid(
                        "steps",
                        "steps are percentages of the monthly budget between 1 and " + MAX_STEP + ", was " + step);
            }
            sorted.add(step);
        }
        if (sorted.isEmpty() || sorted.size() > MAX_STEPS || sorted.size() != steps.size()) {
            throw RejectedException.invalid(
                    "steps", "steps must be 1 to " + MAX_STEPS + " different percentages, e.g. [50, 80, 100]");
        }
        return List.copyOf(sorted);
    }
}
