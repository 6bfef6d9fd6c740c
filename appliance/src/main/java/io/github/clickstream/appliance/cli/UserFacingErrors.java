package io.github.clickstream.appliance.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Prints a failed command's message (which says what to do) instead of a stack trace, and exits
 * with 1. {@code --verbose}-style debugging is left to the log configuration.
 */
final class UserFacingErrors implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
        command.getErr().println(command.getColorScheme().errorText("error: " + messageOf(e)));
        return 1;
    }

    private static String messageOf(Throwable e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }
}
