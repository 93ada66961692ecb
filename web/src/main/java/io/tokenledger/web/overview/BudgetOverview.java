package io.tokenledger.web.overview;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.reporting.budgets.Budget;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.RunRate;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerRow;
import io.tokenledger.reporting.ledger.Ledgers;
import io.tokenledger.web.pages.MoneyFormat;
import io.tokenledger.web.security.Viewer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What the overview shows about budgets: the month-end forecast, budgets at risk, burn per tenant, unassigned usage. */
@Component
class BudgetOverview {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Budgets budgets;
    private final Ledgers ledgers;

    BudgetOverview(Budgets budgets, Ledgers ledgers) {
        this.budgets = budgets;
        this.ledgers = ledgers;
    }

    /**
     * @param overBudget budgets whose spend reached their monthly amount
     * @param forecastOver budgets whose month-end forecast exceeds it
     * @param byTenant the burn of each tenant with a monthly budget
     * @param tenantBudgets the sum of the tenants' monthly budgets in view
     */
    record View(
            MoneyFormat.Cell forecast,
            int budgetCount,
            int overBudget,
            int forecastOver,
            MoneyFormat.Cell unassigned,
            boolean hasUnassigned,
            Map<String, Burn> byTenant,
            BigDecimal tenantBudgets) {}

    /** A tenant's monthly budget and how much of it is spent. */
    record Burn(MoneyFormat.Cell budget, String percent, long meter, boolean over) {}

    /**
     * @param monthToDate the period's usage by tenant so far, in the viewer's scope
     * @param viewer whose budgets count: a tenant viewer's tenants' budgets, or every budget
     */
    View of(Ledger monthToDate, LocalDate today, Viewer viewer) {
        String currency = monthToDate.currency();
        YearMonth period = YearMonth.from(today);
        BigDecimal forecast = RunRate.forecast(monthToDate.total(), period, today);
        // Spend as Budgets#status counts it (usage plus the adjustments booked in the period), but from the ledger
        // the page has read already and one read of the adjustments, instead of three queries per budget.
        Map<String, BigDecimal> spendByTenant = new HashMap<>();
        monthToDate.rows().forEach(row -> spendByTenant.merge(row.tenant(), row.cost(), BigDecimal::add));
        ledgers.adjustmentsBookedIn(period, viewer.scope())
                .forEach(line -> spendByTenant.merge(line.tenant(), line.cost(), BigDecimal::add));
        List<Budget> inView = budgets.all().stream()
                .filter(budget -> viewer.seesAllTenants()
                        || budget.scope() == BudgetScope.TENANT && viewer.sees(budget.subject()))
                .toList();
        int over = 0;
        int forecastOver = 0;
        Map<String, Burn> byTenant = new HashMap<>();
        BigDecimal tenantBudgets = BigDecimal.ZERO;
        for (Budget budget : inView) {
            if (budget.monthly() == null) {
                continue;
            }
            BigDecimal spend = budget.scope() == BudgetScope.TENANT
                    ? spendByTenant.getOrDefault(budget.subject(), BigDecimal.ZERO)
                    : budgets.members(budget).stream()
                            .map(member -> spendByTenant.getOrDefault(member, BigDecimal.ZERO))
                            .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal percent = RunRate.percent(spend, budget.monthly());
            BigDecimal forecastPercent = RunRate.percent(RunRate.forecast(spend, period, today), budget.monthly());
            boolean reached = percent.compareTo(HUNDRED) >= 0;
            over += reached ? 1 : 0;
            forecastOver += forecastPercent.compareTo(HUNDRED) > 0 ? 1 : 0;
            if (budget.scope() == BudgetScope.TENANT) {
                tenantBudgets = tenantBudgets.add(budget.monthly());
                byTenant.put(
                        budget.subject(),
                        new Burn(
                                MoneyFormat.cell(budget.monthly(), currency),
                                percent + "%",
                                Math.min(100, percent.longValue()),
                                reached));
            }
        }
        BigDecimal unassigned = monthToDate.rows().stream()
                .filter(row -> Tenant.UNASSIGNED.equals(row.tenant()))
                .map(LedgerRow::cost)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean hasUnassigned = monthToDate.rows().stream().anyMatch(row -> Tenant.UNASSIGNED.equals(row.tenant()));
        return new View(
                MoneyFormat.cell(forecast, currency),
                inView.size(),
                over,
                forecastOver,
                MoneyFormat.cell(unassigned, currency),
                hasUnassigned,
                byTenant,
                tenantBudgets);
    }
}
