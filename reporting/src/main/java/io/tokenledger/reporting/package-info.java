/**
 * Reporting: the per-tenant ledger and, as they land, periods, budgets, alerts and chargeback reports.
 *
 * <p>Public face: {@link io.tokenledger.reporting.ledger.Ledgers} and its query and result records;
 * {@link io.tokenledger.reporting.periods.BillingPeriods} (closing periods);
 * {@link io.tokenledger.reporting.budgets.Budgets}; {@link io.tokenledger.reporting.alerts.AlertChannels},
 * {@link io.tokenledger.reporting.alerts.Alerts} and {@link io.tokenledger.reporting.alerts.BudgetAlerts} (budget
 * alerts, delivered through an outbox).
 */
package io.tokenledger.reporting;
