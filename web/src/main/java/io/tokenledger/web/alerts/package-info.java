/**
 * Alerts: {@code GET /api/v1/alerts} and {@code /api/v1/alerts/deliveries} (fired alerts and the delivery log),
 * {@code /api/v1/alert-channels} (Slack and webhook channels, a test message now), and the {@code /alerts} page, which
 * shows every budget against this period's spend, the channels, fired alerts and deliveries. The budget forms on that
 * page post to {@code web.tenants}.
 */
package io.tokenledger.web.alerts;
