/**
 * {@code GET /api/v1/ledger}: usage and cost per business day range, grouped by the dimensions asked for, limited to
 * the caller's tenants, optionally in keyset pages.
 */
package io.tokenledger.web.ledger;
