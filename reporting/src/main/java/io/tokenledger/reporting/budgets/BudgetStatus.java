package io.tokenledger.reporting.budgets;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Where a budget stands: spend in the period against the monthly amount, the month-end forecast from the run rate,
 * and today's spend against the daily threshold. Percentages are null where the budget has no such amount.
 */
public record BudgetStatus(
        Budget budget,
        YearMonth period,
        BigDecimal spend,
        BigDecimal percentOfMonthly,
        BigDecimal forecast,
        BigDecimal forecastPercentOfMonthly,
        LocalDate today,
        BigDecimal spendToday,
        BigDecimal percentOfDaily) {}
