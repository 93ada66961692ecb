package io.tokenledger.web.security;

/** A change to a user that is refused: what was wrong and, where it is one field, which. */
public class UserRejectedException extends RuntimeException {

    /** Why: the input is wrong (422), the user name is taken (409), there is no such user (404). */
    public enum Reason {
        INVALID,
        EXISTS,
        NOT_FOUND
    }

    private final Reason reason;
    private final String field;

    UserRejectedException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    /** The field at fault, or null. */
    public String field() {
        return field;
    }
}
