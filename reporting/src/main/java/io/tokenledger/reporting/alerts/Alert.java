package io.tokenledger.reporting.alerts;

import io.tokenledger.reporting.budgets.BudgetScope;
import io.tokenledger.reporting.budgets.Spending.DeploymentSpend;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A threshold crossing, recorded exactly once for its subject, kind, step and window, with the figures at the moment
 * it fired.
 *
 * @param step the percentage of the monthly budget ({@link AlertKind#MONTHLY}); 100 for the daily threshold
 * @param windowStart the period's first day ({@code MONTHLY}) or the day ({@code DAILY})
 * @param budgetAmount the monthly budget or the daily threshold
 * @param threshold the amount crossed: {@code budgetAmount × step / 100}
 * @param forecast the month-end forecast from the run rate ({@code MONTHLY}); null for a daily alert
 */
public record Alert(
        long id,
        BudgetScope scope,
        String subject,
        AlertKind kind,
        int step,
        LocalDate windowStart,
        BigDecimal budgetAmount,
        BigDecimal threshold,
        BigDecimal spend,
        BigDecimal forecast,
        List<DeploymentSpend> topDeployments,
        Instant firedAt) {

    public Alert {
        topDeployments = List.copyOf(topDeployments);
    }

    public YearMonth period() {
        return YearMonth.from(windowStart);
    }
}
