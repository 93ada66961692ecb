package io.tokenledger.ingest.format;

import java.util.Objects;

/**
 * The body of a request or event as a whole cannot be understood, so no record in it can be reported on its own.
 * The message says what is wrong and how to fix it; {@link #kind()} lets callers pick a status code.
 */
public final class PayloadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the body was rejected. */
    public enum Kind {
        /** The body is empty or holds only whitespace. */
        EMPTY,
        /** The body is not well-formed JSON (or not UTF-8). */
        MALFORMED,
        /** The JSON is nested deeper than the parser allows. */
        TOO_DEEP,
        /** The media type is none of the supported JSON, NDJSON or CloudEvents types. */
        UNSUPPORTED_MEDIA_TYPE
    }

    private final Kind kind;

    PayloadException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
