package io.tokenledger.ingest.browse;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Which of one tenant's events to list: business days {@code from} to {@code to} (both inclusive) and optionally
 * one deployment, model or user (null or blank for any).
 */
public record EventFilter(String tenant, LocalDate from, LocalDate to, String deployment, String model, String user) {

    public static final int MAX_DAYS = 366;

    public EventFilter {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("from " + from + " to " + to + " spans more than " + MAX_DAYS + " days");
        }
        deployment = blankToNull(deployment);
        model = blankToNull(model);
        user = blankToNull(user);
    }

    /**
     * The days asked for, or by default the billing period so far: without {@code to} up to {@code today}, without
     * {@code from} from the first of {@code to}'s month.
     */
    public static EventFilter ofDays(
            String tenant,
            LocalDate from,
            LocalDate to,
            LocalDate today,
            String deployment,
            String model,
            String user) {
        LocalDate last = to == null ? today : to;
        return new EventFilter(tenant, from == null ? last.withDayOfMonth(1) : from, last, deployment, model, user);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
