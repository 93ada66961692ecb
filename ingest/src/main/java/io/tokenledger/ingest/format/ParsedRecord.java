package io.tokenledger.ingest.format;

import java.util.List;
import java.util.Objects;

/**
 * The outcome for one record of a payload: either a normalized {@link UsageEvent} or the reasons it was refused.
 * Invalid records are not dropped; callers keep them as dead letters together with {@link #raw()}.
 */
public sealed interface ParsedRecord permits ParsedRecord.Valid, ParsedRecord.Invalid {

    /**
     * Where the record was in the body: the element index of a JSON array (or the n-th record when the body holds
     * several JSON values), the 0-based line number for NDJSON, and 0 for a single object.
     */
    int index();

    /**
     * The record's own JSON text: the line for NDJSON, the re-serialized element for arrays, the body itself for a
     * single object, and the whole envelope for a CloudEvent.
     */
    String raw();

    /** A record that passed validation. */
    record Valid(int index, String raw, UsageEvent event) implements ParsedRecord {

        public Valid {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(event, "event");
        }
    }

    /**
     * A record that failed validation.
     *
     * @param eventId the record's id when one could be read, otherwise {@code null}
     * @param errors every problem found, never empty
     */
    record Invalid(int index, String raw, String eventId, List<FieldError> errors) implements ParsedRecord {

        public Invalid {
            Objects.requireNonNull(raw, "raw");
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid record needs at least one error");
            }
        }
    }
}
