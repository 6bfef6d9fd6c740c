package io.github.clickstream.appliance.events;

/** Control flow of the parser and the dataset adapters: carries the reason input is rejected. */
public final class InvalidEventException extends Exception {

    private final DeadLetterReason reason;

    public InvalidEventException(DeadLetterReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public DeadLetterReason reason() {
        return reason;
    }
}
