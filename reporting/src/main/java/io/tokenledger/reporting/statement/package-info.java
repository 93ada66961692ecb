/**
 * Chargeback statements: {@link io.tokenledger.reporting.statement.ChargebackStatements} builds the one model that
 * the workbook, the HTML statement and the scheduled email show, from the ledger, the tenants and the rate cards.
 * Costs are exact until presented, then rounded by {@link io.tokenledger.reporting.statement.PresentationRounding}.
 * Budgets, allocations and adjustments come in through {@link io.tokenledger.reporting.statement.StatementExtras}.
 */
package io.tokenledger.reporting.statement;
