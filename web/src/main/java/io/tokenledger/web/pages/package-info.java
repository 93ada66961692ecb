/**
 * What every page shares, whichever feature it belongs to: the layout header's context
 * ({@link io.tokenledger.web.pages.PageContext}), amounts rounded once for display with the exact value kept
 * ({@link io.tokenledger.web.pages.MoneyFormat}), charts as JSON for {@code static/js/charts.js}
 * ({@link io.tokenledger.web.pages.ChartJson}), ledger rows added up in memory for several views
 * ({@link io.tokenledger.web.pages.LedgerRollup}), and the sign-in page at {@code /login}. Errors of pages are shown by
 * {@code templates/error.html}.
 */
package io.tokenledger.web.pages;
