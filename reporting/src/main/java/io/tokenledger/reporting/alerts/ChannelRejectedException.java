package io.tokenledger.reporting.alerts;

/** A channel that is refused, naming the field at fault; {@code notFound} when the channel does not exist. */
public class ChannelRejectedException extends RuntimeException {

    private final String field;
    private final boolean notFound;

    ChannelRejectedException(String field, String message, boolean notFound) {
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
