package io.tokenledger.ingest.browse;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page of events ends: the last event's time and id. Written as an opaque URL-safe token, so that the next
 * page starts right after it whatever was ingested meanwhile.
 */
public record EventCursor(Instant eventTime, String eventId) {

    public String token() {
        String raw = eventTime.getEpochSecond() + "." + eventTime.getNano() + "." + eventId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor of a token; empty for null, blank or anything that is not one. */
    public static Optional<EventCursor> parse(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8);
            String[] parts = raw.split("\\.", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            return Optional.of(new EventCursor(
                    Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])), parts[2]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
