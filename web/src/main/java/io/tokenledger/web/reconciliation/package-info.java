/**
 * Event Hubs against Application Insights per tenant and business day: {@code GET /api/v1/reconciliation} and the
 * {@code /reconciliation} page (with where the App Insights pull stands), limited to the viewer's tenants.
 */
package io.tokenledger.web.reconciliation;
