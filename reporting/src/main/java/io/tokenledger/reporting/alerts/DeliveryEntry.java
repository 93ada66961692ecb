package io.tokenledger.reporting.alerts;

import java.time.Instant;

/**
 * One message in the delivery log: an alert (or a channel's test message, {@code alertId} null) to one channel, its
 * state, attempts and what the receiver last answered.
 *
 * @param channel the channel's name, else its masked URL
 * @param nextAttemptAt when a pending delivery is tried next
 */
public record DeliveryEntry(
        long deliveryId,
        Long alertId,
        long channelId,
        String channelType,
        String channel,
        boolean channelRemoved,
        State state,
        int attempts,
        Integer lastStatus,
        String lastError,
        Instant createdAt,
        Instant deliveredAt,
        Instant nextAttemptAt) {

    /** Where a delivery stands. */
    public enum State {
        PENDING,
        DELIVERED,
        FAILED
    }

    public boolean test() {
        return alertId == null;
    }
}
