package io.tokenledger.pricing.fx;

/** An FX rate that cannot be stored as given; the message names the field and says what to change. */
public class FxRateRejectedException extends RuntimeException {

    private final String field;
    private final boolean conflict;

    public FxRateRejectedException(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public String field() {
        return field;
    }

    /** True when the period's rate is final (its period is closed) rather than the rate being invalid. */
    public boolean conflict() {
        return conflict;
    }
}
