/**
 * Reporting: the per-tenant ledger, billing periods, budgets and their alerts, chargeback models, provisioned capacity
 * on statements, reconciliation of the usage sources, and the chargeback statement as a workbook, an HTML page and a
 * scheduled email.
 *
 * <p>Public face: one named interface per feature package ({@code ledger}, {@code periods}, {@code budgets},
 * {@code alerts}, {@code chargeback}, {@code provisioned}, {@code reconciliation}, {@code excel}, {@code html},
 * {@code schedule}) and, of {@code statement}, the request, the statement model and the rate-card report (the
 * builder and its rounding stay inside). {@link io.tokenledger.reporting.ledger.LedgerQuery} cannot be built without a
 * {@link io.tokenledger.reporting.ledger.TenantScope}. ARCHITECTURE.md lists the whole face; the build holds other
 * modules to it.
 */
package io.tokenledger.reporting;
