package io.github.clickstream.appliance.models;

/**
 * A PMML document the appliance will not deploy. The {@link Reason} says which check refused it;
 * the message says what was found, without echoing the document.
 */
public final class ModelRejectedException extends Exception {

    /** Which check refused the model. */
    public enum Reason {
        TOO_LARGE,
        TOO_DEEP,
        DOCTYPE_FORBIDDEN,
        MALFORMED_XML,
        INVALID_PMML,
        FORBIDDEN_FUNCTION,
        WRONG_MODEL_KIND,
        MISSING_INPUT,
        VERIFICATION_FAILED,
        GOLDEN_SET_FAILED
    }

    private final Reason reason;

    public ModelRejectedException(Reason reason, String message) {
        this(reason, message, null);
    }

    public ModelRejectedException(Reason reason, String message, Throwable cause) {
        super(reason + ": " + message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
