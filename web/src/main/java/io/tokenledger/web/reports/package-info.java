/**
 * Chargeback reports: the statement downloads {@code /api/v1/reports/chargeback.xlsx|html} and, for the signed-in
 * browser, {@code /reports/chargeback.xlsx|html}; scheduled email at {@code /api/v1/report-schedules} (runs and their
 * log); and the {@code /reports} page (period picker, downloads per scope, schedules and the run log).
 */
package io.tokenledger.web.reports;
