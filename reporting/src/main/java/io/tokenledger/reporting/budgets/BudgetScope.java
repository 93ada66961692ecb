package io.tokenledger.reporting.budgets;

/** Whose spend a budget limits: one tenant, or all tenants of a cost center together. */
public enum BudgetScope {
    TENANT,
    COST_CENTER
}
