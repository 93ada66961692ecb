package io.tokenledger.reporting.budgets;

/** A budget change that is refused, naming the field at fault; {@code notFound} when the subject does not exist. */
public class BudgetRejectedException extends RuntimeException {

    private final String field;
    private final boolean notFound;

    BudgetRejectedException(String field, String message, boolean notFound) {
        super(message);
        this.field = field;
        this.notFound = notFound;
    }

    public String field() {
        return field;
    }

    public boolean notFound() {
        return notFound;
    }
}
