package io.tokenledger.reporting.chargeback;

/** A chargeback model that cannot be published as given; the message names the field and says what to change. */
public class ChargebackModelRejectedException extends RuntimeException {

    private final String field;
    private final boolean conflict;

    ChargebackModelRejectedException(String field, String message, boolean conflict) {
        super(message);
        this.field = field;
        this.conflict = conflict;
    }

    public String field() {
        return field;
    }

    /** True when the version clashes with an existing one or with a closed period. */
    public boolean conflict() {
        return conflict;
    }
}
