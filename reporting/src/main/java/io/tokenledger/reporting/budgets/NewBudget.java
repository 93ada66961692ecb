package io.tokenledger.reporting.budgets;

import java.math.BigDecimal;
import java.util.List;

/**
 * A budget to set, as a caller sends it: {@code steps} default to {@link #DEFAULT_STEPS} when null.
 *
 * @param monthly the monthly amount in the reporting currency, or null for none
 * @param daily the daily threshold, or null for none
 */
public record NewBudget(BigDecimal monthly, List<Integer> steps, BigDecimal daily) {

    public static final List<Integer> DEFAULT_STEPS = List.of(50, 80, 100);
}
