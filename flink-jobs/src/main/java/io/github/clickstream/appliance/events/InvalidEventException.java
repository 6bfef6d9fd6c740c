package io.github.clickstream.appliance.events;

/** Internal control flow of the parser: carries the reason a payload is rejected. */
final class InvalidEventException extends Exception {

    private final DeadLetterReason reason;

    InvalidEventException(DeadLetterReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    DeadLetterReason reason() {
        return reason;
    }
}
