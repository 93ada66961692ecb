package io.tokenledger.reporting.schedule;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * One occurrence of a schedule that an instance claimed (or a manual run), with its messages.
 *
 * @param trigger {@code schedule} or {@code manual}
 * @param claimedBy the instance that claimed it
 */
public record ReportRun(
        long id,
        long scheduleId,
        String scheduleName,
        Instant occurrence,
        String trigger,
        YearMonth period,
        String claimedBy,
        Instant claimedAt,
        List<ReportDelivery> deliveries) {

    public ReportRun {
        deliveries = List.copyOf(deliveries);
    }

    /** {@code sent}, {@code failed}, {@code retrying}, {@code sending} or {@code pending}, from its messages. */
    public String outcome() {
        if (deliveries.isEmpty()) {
            return "sent";
        }
        if (deliveries.stream().anyMatch(delivery -> delivery.state().equals("failed"))) {
            return "failed";
        }
        if (deliveries.stream().allMatch(delivery -> delivery.state().equals("sent"))) {
            return "sent";
        }
        if (deliveries.stream().anyMatch(delivery -> delivery.state().equals("sending"))) {
            return "sending";
        }
        return deliveries.stream().anyMatch(ReportDelivery::retrying) ? "retrying" : "pending";
    }

    /** Every recipient of the run's messages. */
    public List<String> recipients() {
        return deliveries.stream()
                .flatMap(delivery -> delivery.recipients().stream())
                .distinct()
                .toList();
    }
}
