package io.tokenledger.ingest.format;

import java.util.Objects;

/**
 * One problem with one field of a usage record.
 *
 * @param field the field as the sender named it, with a dotted path for nested fields ({@code usage.prompt_tokens},
 *     {@code attributes.team}); {@code $} when the record as a whole is the problem
 * @param reason what is wrong, phrased so the sender can fix it
 */
public record FieldError(String field, String reason) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
