package io.tokenledger.ingest;

/**
 * A tenant or mapping-rule change that is refused, with the field at fault (may be empty) and why: the request is
 * invalid, conflicts with what exists, or names something that does not exist.
 */
public class TenantRejectedException extends RuntimeException {

    /** Why a change was refused. */
    public enum Reason {
        INVALID,
        CONFLICT,
        NOT_FOUND
    }

    private final String field;
    private final Reason reason;

    TenantRejectedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    static TenantRejectedException invalid(String field, String message) {
        return new TenantRejectedException(Reason.INVALID, field, message);
    }

    public String field() {
        return field;
    }

    public Reason reason() {
        return reason;
    }
}
