package io.tokenledger.ingest.format;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads the canonical {@code time}: RFC 3339 with an explicit offset. A local time is refused rather than guessed,
 * because the gateway's and the ledger's time zones may differ and a wrong hour moves usage between days.
 */
final class Rfc3339Time {

    static final String EXAMPLE = "2026-11-03T14:05:12Z";
    private static final int MAX_LENGTH = 64;

    private Rfc3339Time() {}

    static Instant read(FieldReader record, String name) {
        String text = record.requiredText(name, MAX_LENGTH);
        if (text == null) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            if (time.getYear() < 1 || time.getYear() > 9999) {
                record.reject(name, "'" + text + "' is outside the years 0001 to 9999 that RFC 3339 allows");
                return null;
            }
            return time.toInstant();
        } catch (DateTimeParseException e) {
            record.reject(name, problem(text));
            return null;
        }
    }

    private static String problem(String text) {
        if (isLocalDateTime(text)) {
            return "'" + text + "' has no UTC offset; use RFC 3339 with an offset, e.g. " + EXAMPLE
                    + " or 2026-11-03T15:05:12+01:00";
        }
        return "'" + text + "' is not an RFC 3339 timestamp; expected e.g. " + EXAMPLE;
    }

    private static boolean isLocalDateTime(String text) {
        try {
            LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
