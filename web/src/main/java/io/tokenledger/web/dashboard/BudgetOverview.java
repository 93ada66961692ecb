package io.tokenledger.web.dashboard;

import io.tokenledger.ingest.Tenant;
import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.BudgetStatus;
import io.tokenledger.reporting.budgets.Budgets;
import io.tokenledger.reporting.budgets.RunRate;
import io.tokenledger.reporting.ledger.Ledger;
import io.tokenledger.reporting.ledger.LedgerRow;
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

    BudgetOverview(Budgets budgets) {
        this.budgets = budgets;
    }

    /**
     * @param overBudget budgets whose spend reached their monthly amount
     * @param forecastOver budgets whose month-end forecast exceeds it
     * @param byTenant the burn of each tenant with a monthly budget
     */
    record View(
            MoneyFormat.Cell forecast,
            int budgetCount,
            int overBudget,
            int forecastOver,
            MoneyFormat.Cell unassigned,
            boolean hasUnassigned,
            Map<String, Burn> byTenant) {}

    /** A tenant's monthly budget and how much of it is spent. */
    record Burn(MoneyFormat.Cell budget, String percent, long meter, boolean over) {}

    View of(Ledger monthToDate, LocalDate today) {
        String currency = monthToDate.currency();
        BigDecimal forecast = RunRate.forecast(monthToDate.total(), YearMonth.from(today), today);
        List<BudgetStatus> statuses = budgets.statuses();
        int over = 0;
        int forecastOver = 0;
        Map<String, Burn> byTenant = new HashMap<>();
        for (BudgetStatus status : statuses) {
            if (status.percentOfMonthly() == null) {
                continue;
            }
            boolean reached = status.percentOfMonthly().compareTo(HUNDRED) >= 0;
            over += reached ? 1 : 0;
            forecastOver += status.forecastPercentOfMonthly().compareTo(HUNDRED) > 0 ? 1 : 0;
            if (status.budget().scope() == BudgetScope.TENANT) {
                byTenant.put(
                        status.budget().subject(),
                        new Burn(
                                MoneyFormat.cell(status.budget().monthly(), currency),
                                status.percentOfMonthly() + "%",
                                Math.min(100, status.percentOfMonthly().longValue()),
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
                statuses.size(),
                over,
                forecastOver,
                MoneyFormat.cell(unassigned, currency),
                hasUnassigned,
                byTenant);
    }
}
