package io.tokenledger.reporting.schedule;

/** A schedule that cannot be accepted, with the field that is wrong and what to change. */
public class ReportScheduleRejectedException extends IllegalArgumentException {

    private final String field;

    ReportScheduleRejectedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
