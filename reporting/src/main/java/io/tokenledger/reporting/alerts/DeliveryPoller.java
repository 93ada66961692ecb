package io.tokenledger.reporting.alerts;

import io.tokenledger.reporting.ReportingProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Each poll claims due deliveries (rows other pollers hold are skipped; a claim whose
 * poller died is taken over when its lease ends), sends each outside any transaction and records the outcome:
 * delivered, retried later with exponential backoff (or the receiver's Retry-After), or given up after the last
 * attempt or on an answer that will not change (4xx other than 408 and 429). A message recorded before a restart is
 * sent after it; a delivered message is never sent again.
 */
class DeliveryPoller {

    private static final Logger log = LoggerFactory.getLogger(DeliveryPoller.class);

    private final DeliveryRepository deliveries;
    private final AlertMessages messages;
    private final AlertSender sender;
    private final ReportingProperties.Delivery settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    DeliveryPoller(
            DeliveryRepository deliveries,
            AlertMessages messages,
            AlertSender sender,
            ReportingProperties.Delivery settings,
            Clock clock,
            TransactionTemplate transaction) {
        this.deliveries = deliveries;
        this.messages = messages;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.transaction = transaction;
    }

    /** One poll: sends every delivery that is due now; how many were attempted. */
    int deliverDue() {
        List<DeliveryRepository.Claimed> claimed = transaction.execute(
                status -> deliveries.claimDue(clock.instant(), settings.batchSize(), settings.lease()));
        if (claimed == null) {
            return 0;
        }
        for (DeliveryRepository.Claimed delivery : claimed) {
            attempt(delivery);
        }
        return claimed.size();
    }

    private void attempt(DeliveryRepository.Claimed delivery) {
        AlertSender.Outcome outcome;
        try {
            outcome = switch (messages.render(delivery, clock.instant())) {
                case AlertMessages.Ready ready -> sender.post(ready.message());
                case AlertMessages.Undeliverable undeliverable ->
                    AlertSender.Outcome.failed(undeliverable.reason(), false);
            };
        } catch (RuntimeException e) {
            log.warn("Delivery {} could not be prepared", delivery.deliveryId(), e);
            outcome = AlertSender.Outcome.failed("could not prepare the message: " + e.getMessage(), true);
        }
        Instant now = clock.instant();
        String state;
        Instant next = null;
        if (outcome.delivered()) {
            state = DeliveryRepository.DELIVERED;
        } else if (!outcome.retryable() || delivery.attempt() >= settings.maxAttempts()) {
            state = DeliveryRepository.FAILED;
            log.warn(
                    "Delivery {} to channel {} failed for good after {} attempt(s): {}",
                    delivery.deliveryId(),
                    delivery.channelId(),
                    delivery.attempt(),
                    outcome.error());
        } else {
            state = DeliveryRepository.PENDING;
            next = now.plus(backoff(delivery.attempt(), outcome.retryAfter()));
        }
        AlertSender.Outcome recorded = outcome;
        String finalState = state;
        Instant nextAttempt = next;
        transaction.executeWithoutResult(status -> deliveries.record(delivery, recorded, now, finalState, nextAttempt));
    }

    /** initial × 2^(attempt − 1), at most the maximum; longer when the receiver asked for it (still capped). */
    Duration backoff(int attempt, Duration retryAfter) {
        Duration wait = settings.initialBackoff();
        for (int i = 1; i < attempt && wait.compareTo(settings.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }
}
