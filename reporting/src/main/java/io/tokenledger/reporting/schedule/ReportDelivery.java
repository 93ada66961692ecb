package io.tokenledger.reporting.schedule;

import java.time.Instant;
import java.util.List;

/**
 * One message of a run and its outcome so far.
 *
 * @param tenant the tenant of a per-tenant-owner message; null otherwise
 * @param state {@code pending} (waiting for its first attempt or for a retry), {@code sending}, {@code sent} or
 *     {@code failed} (given up, or could not be sent at all)
 * @param nextAttemptAt when a pending message is tried (again)
 * @param lastError why the last attempt failed; null when none did
 */
public record ReportDelivery(
        long id,
        String tenant,
        List<String> recipients,
        String state,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant sentAt) {

    public ReportDelivery {
        recipients = List.copyOf(recipients);
    }

    /** Waiting for another attempt after a failed one. */
    public boolean retrying() {
        return state.equals("pending") && attempts > 0;
    }
}
