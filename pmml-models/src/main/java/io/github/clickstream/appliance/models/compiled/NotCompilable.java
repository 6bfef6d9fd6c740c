package io.github.clickstream.appliance.models.compiled;

/** The model uses a construct the compiled scorers do not cover; jpmml interprets it instead. */
final class NotCompilable extends Exception {

    NotCompilable(String message) {
        super(message, null, false, false);
    }
}
