package io.tokenledger.reporting.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.scheduling.support.CronExpression;

/** A schedule's cron expression: when it fires, in its time zone. */
final class CronSchedule {

    /** Reports more often than this are a mistake (and would flood inboxes). */
    static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);

    private final String text;
    private final CronExpression expression;

    private CronSchedule(String text, CronExpression expression) {
        this.text = text;
        this.expression = expression;
    }

    /**
     * Spring's six fields (seconds first), its macros ({@code @monthly}), or the classic five fields (minutes first,
     * read as at second 0).
     *
     * @throws IllegalArgumentException with what is wrong
     */
    static CronSchedule parse(String cron) {
        if (cron == null || cron.isBlank()) {
            throw new IllegalArgumentException("cron is required, e.g. '0 0 7 1 * *' (07:00 on the 1st of each month)");
        }
        String text = cron.strip();
        if (!text.startsWith("@") && text.split("\\s+").length == 5) {
            text = "0 " + text;
        }
        try {
            return new CronSchedule(text, CronExpression.parse(text));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "cron '" + cron + "' is not a cron expression: " + e.getMessage()
                            + "; use six fields, seconds first, e.g. '0 0 7 1 * *'",
                    e);
        }
    }

    String text() {
        return text;
    }

    Optional<Instant> next(Instant after, ZoneId zone) {
        return Optional.ofNullable(expression.next(after.atZone(zone))).map(ZonedDateTime::toInstant);
    }

    /** The latest occurrence in ({@code after}, {@code notAfter}], if any. */
    Optional<Instant> latestBetween(Instant after, Instant notAfter, ZoneId zone) {
        Optional<Instant> latest = Optional.empty();
        Optional<Instant> next = next(after, zone);
        while (next.isPresent() && !next.get().isAfter(notAfter)) {
            latest = next;
            next = next(next.get(), zone);
        }
        return latest;
    }

    /** Whether any of the next few occurrences follow each other faster than {@link #SHORTEST_INTERVAL}. */
    boolean firesTooOften(Instant from, ZoneId zone) {
        Optional<Instant> previous = next(from, zone);
        for (int i = 0; i < 5 && previous.isPresent(); i++) {
            Optional<Instant> next = next(previous.get(), zone);
            if (next.isPresent() && Duration.between(previous.get(), next.get()).compareTo(SHORTEST_INTERVAL) < 0) {
                return true;
            }
            previous = next;
        }
        return false;
    }
}
