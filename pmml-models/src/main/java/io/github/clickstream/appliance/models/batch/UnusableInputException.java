package io.github.clickstream.appliance.models.batch;

/**
 * An input file that cannot be scored at all (empty, or lacking a column the model reads), as
 * opposed to a bad row, which only gets an error cell.
 */
public final class UnusableInputException extends Exception {

    public UnusableInputException(String message) {
        super(message);
    }
}
