/**
 * Reporting: the per-tenant ledger and, as they land, periods, budgets, alerts and chargeback reports.
 *
 * <p>Public face: {@link io.tokenledger.reporting.ledger.Ledgers} and its query and result records.
 */
package io.tokenledger.reporting;
