package io.tokenledger.reporting.periods;

/** A close that is refused: the period has not ended yet ({@code conflict = false}) or is closed already. */
public class PeriodRejectedException extends RuntimeException {

    private final boolean conflict;

    PeriodRejectedException(String message, boolean conflict) {
        super(message);
        this.conflict = conflict;
    }

    /** True when the period is closed already (409); false when it cannot be closed yet (422). */
    public boolean conflict() {
        return conflict;
    }
}
