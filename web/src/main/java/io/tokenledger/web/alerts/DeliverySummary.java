package io.tokenledger.web.alerts;

import io.tokenledger.reporting.alerts.DeliveryEntry;
import java.util.List;

/** How far a fired alert got to its channels, in a few words, for the alerts page and a tenant's page. */
public final class DeliverySummary {

    private DeliverySummary() {}

    /** "delivered to 2 of 2", "failed for 1 of 2", "pending (1 of 2 delivered)", or "no channel". */
    public static String of(List<DeliveryEntry> deliveries) {
        if (deliveries.isEmpty()) {
            return "no channel";
        }
        long delivered = deliveries.stream()
                .filter(d -> d.state() == DeliveryEntry.State.DELIVERED)
                .count();
        long failed = deliveries.stream()
                .filter(d -> d.state() == DeliveryEntry.State.FAILED)
                .count();
        if (delivered == deliveries.size()) {
            return "delivered to " + delivered + " of " + deliveries.size();
        }
        if (failed > 0) {
            return "failed for " + failed + " of " + deliveries.size();
        }
        return "pending (" + delivered + " of " + deliveries.size() + " delivered)";
    }
}
