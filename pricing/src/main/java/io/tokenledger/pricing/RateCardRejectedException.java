package io.tokenledger.pricing;

/** A rate card that cannot be published as given; the message names the field and says what to change. */
public class RateCardRejectedException extends RuntimeException {

    private final String field;
    private final boolean conflict;

    RateCardRejectedException(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public String field() {
        return field;
    }

    /** True when the version clashes with an existing one rather than being invalid in itself. */
    public boolean conflict() {
        return conflict;
    }
}
