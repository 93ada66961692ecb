package io.tokenledger.reporting.schedule;

import java.time.YearMonth;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Which billing period a run reports: the one before the occurrence's (a statement of a finished month, e.g. sent on
 * the 1st) or the one the occurrence falls in (month to date).
 */
public enum ReportPeriod {
    PREVIOUS,
    CURRENT;

    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    YearMonth of(YearMonth occurrenceMonth) {
        return this == PREVIOUS ? occurrenceMonth.minusMonths(1) : occurrenceMonth;
    }

    static Optional<ReportPeriod> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(PREVIOUS);
        }
        return Arrays.stream(values())
                .filter(period -> period.text().equals(text.strip().toLowerCase(Locale.ROOT)))
                .findFirst();
    }
}
