/**
 * Billing periods: {@code GET /api/v1/periods}, {@code POST /api/v1/periods/{YYYY-MM}/close},
 * {@code GET /api/v1/periods/{YYYY-MM}/adjustments}, and the {@code /periods} page (each month's usage, adjustments and
 * total; a button closes an ended period).
 */
package io.tokenledger.web.periods;
