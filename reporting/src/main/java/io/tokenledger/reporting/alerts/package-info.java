/**
 * Budget alerts and their delivery: channels (Slack, signed webhooks), each threshold crossing fired once, an outbox
 * delivered with retries, and the delivery log.
 */
@NamedInterface("alerts")
package io.tokenledger.reporting.alerts;

import org.springframework.modulith.NamedInterface;
