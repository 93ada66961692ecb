package io.tokenledger.pricing.provisioned;

/** A commitment that cannot be published as given; the message names the field and says what to change. */
public class CommitmentRejectedException extends RuntimeException {

    private final String field;
    private final boolean conflict;

    public CommitmentRejectedException(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public String field() {
        return field;
    }

    /** True when the version clashes with an existing one (or its period is closed) rather than being invalid. */
    public boolean conflict() {
        return conflict;
    }
}
