package io.tokenledger.db;

import java.util.List;

/**
 * A request that is refused as given: why ({@link Reason}), the field at fault and a message that says what to
 * change. Every module throws this one type, so that the web module answers all of them alike (as
 * {@code application/problem+json} with the field named) and a page shows the message next to its form.
 */
public final class RejectedException extends RuntimeException {

    /** Why a request is refused; the web module answers INVALID with 422, CONFLICT with 409, NOT_FOUND with 404. */
    public enum Reason {
        /** The input is wrong in itself. */
        INVALID,
        /** The input clashes with what exists: a version already published, a closed period, a taken name. */
        CONFLICT,
        /** The request names something that does not exist. */
        NOT_FOUND
    }

    private final Reason reason;
    private final String field;
    private final List<?> errors;

    private RejectedException(Reason reason, String field, String message, List<?> errors) {
        super(message);
        this.reason = reason;
        this.field = field == null ? "" : field;
        this.errors = List.copyOf(errors);
    }

    /** The input is wrong; {@code field} names it (null or empty when no single field is at fault). */
    public static RejectedException invalid(String field, String message) {
        return new RejectedException(Reason.INVALID, field, message, List.of());
    }

    /** An input of many items (a file's lines) that is wrong in some; each of {@code errors} names its item. */
    public static RejectedException invalidItems(String message, List<?> errors) {
        return new RejectedException(Reason.INVALID, null, message, errors);
    }

    /** The input clashes with what exists, e.g. a version that is published already. */
    public static RejectedException conflict(String field, String message) {
        return new RejectedException(Reason.CONFLICT, field, message, List.of());
    }

    /** The request names something that does not exist. */
    public static RejectedException notFound(String field, String message) {
        return new RejectedException(Reason.NOT_FOUND, field, message, List.of());
    }

    public Reason reason() {
        return reason;
    }

    /** The field at fault, or empty when no single field is. */
    public String field() {
        return field;
    }

    /** The errors of single items (records, which the API answers as JSON objects); empty unless there are many. */
    public List<?> errors() {
        return errors;
    }
}
