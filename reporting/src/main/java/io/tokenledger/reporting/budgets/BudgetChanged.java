package io.tokenledger.reporting.budgets;

/** Announced inside the transaction that set a budget, so that a budget already exceeded alerts at once. */
public record BudgetChanged(Budget budget) {}
