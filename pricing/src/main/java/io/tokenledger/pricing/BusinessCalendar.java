package io.tokenledger.pricing;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * Days and billing periods in {@code tokenledger.business-zone}: a usage event belongs to the business day its
 * time falls on, and a rate card's {@code effectiveFrom} starts at midnight of that zone.
 */
public class BusinessCalendar {

    private final ZoneId zone;
    private final Clock clock;

    /** From the {@code tokenledger.business-zone} setting; the message of a wrong one names the property. */
    static BusinessCalendar fromSetting(String zone) {
        return new BusinessCalendar(zoneOf(zone), Clock.systemUTC());
    }

    public BusinessCalendar(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    static ZoneId zoneOf(String zone) {
        try {
            return ZoneId.of(zone == null ? "" : zone.trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    "tokenledger.business-zone: '" + zone + "' is not a time zone id (use e.g. UTC or Europe/Berlin)",
                    e);
        }
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public LocalDate today() {
        return dayOf(clock.instant());
    }

    public YearMonth currentPeriod() {
        return YearMonth.from(today());
    }
}
