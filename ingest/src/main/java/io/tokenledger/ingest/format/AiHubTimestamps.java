package io.tokenledger.ingest.format;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Understands the AI Hub Gateway {@code timestamp}: the policy writes {@code DateTime.UtcNow} with the gateway's
 * culture, so the same instant arrives as {@code 5/24/2024 2:45:56 PM}, {@code 24/5/2024 14:45:56},
 * {@code 24.5.2024 14:45:56} or ISO-8601. Values without an offset are UTC.
 */
final class AiHubTimestamps {

    static final String EXPECTED = "expected e.g. 5/24/2024 2:45:56 PM, 24.05.2024 14:45:56 or 2024-05-24T14:45:56Z";

    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(\\d{1,2})([/.])(\\d{1,2})\\2(\\d{4})\\s+(\\d{1,2}):(\\d{2}):(\\d{2})(?:[.,](\\d{1,9}))?(?:\\s*([AaPp][Mm]))?");
    private static final Pattern SPACE_SEPARATED_ISO = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) ");
    private static final int MONTHS = 12;
    private static final int HALF_DAY_HOURS = 12;
    private static final int NANO_DIGITS = 9;

    private AiHubTimestamps() {}

    static Optional<Instant> parse(String text) {
        String trimmed = text.strip();
        Matcher numeric = NUMERIC_DATE.matcher(trimmed);
        try {
            return Optional.of(numeric.matches() ? numericDate(numeric) : iso(trimmed));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Instant numericDate(Matcher m) {
        int first = Integer.parseInt(m.group(1));
        int second = Integer.parseInt(m.group(3));
        // Dotted dates are day-first (de-DE and friends); slashed dates are en-US month-first unless that is
        // impossible.
        boolean dayFirst = ".".equals(m.group(2)) || first > MONTHS;
        int day = dayFirst ? first : second;
        int month = dayFirst ? second : first;
        int hour = hour(Integer.parseInt(m.group(5)), m.group(9));
        return LocalDateTime.of(
                        Integer.parseInt(m.group(4)),
                        month,
                        day,
                        hour,
                        Integer.parseInt(m.group(6)),
                        Integer.parseInt(m.group(7)),
                        nanos(m.group(8)))
                .toInstant(ZoneOffset.UTC);
    }

    private static int hour(int hour, String meridiem) {
        if (meridiem == null) {
            return hour;
        }
        if (hour < 1 || hour > HALF_DAY_HOURS) {
            throw new DateTimeException("a 12-hour clock hour must be 1..12");
        }
        boolean pm = meridiem.toUpperCase(Locale.ROOT).equals("PM");
        return hour % HALF_DAY_HOURS + (pm ? HALF_DAY_HOURS : 0);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String padded = (fraction + "000000000").substring(0, NANO_DIGITS);
        return Integer.parseInt(padded);
    }

    private static Instant iso(String text) {
        String normalized = SPACE_SEPARATED_ISO.matcher(text).replaceFirst("$1T");
        try {
            return OffsetDateTime.parse(normalized, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return LocalDateTime.parse(normalized, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .toInstant(ZoneOffset.UTC);
        }
    }
}
