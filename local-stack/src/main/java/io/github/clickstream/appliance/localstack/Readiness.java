package io.github.clickstream.appliance.localstack;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits until a child process answers its readiness probe. If the process exits or the time runs
 * out, the process tree is stopped and the failure names the log and quotes its last lines.
 */
final class Readiness {

    private static final int LOG_LINES = 40;
    private static final long POLL_MILLIS = 250;

    private Readiness() {}

    static void await(ChildProcess child, String what, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                throw failure(
                        child,
                        what + " exited with code " + child.exitValue() + " during start-up");
            }
            if (ready.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.close();
                throw new ServiceStartException(what + " start-up interrupted");
            }
        }
        throw failure(child, what + " did not become ready within " + timeout);
    }

    private static ServiceStartException failure(ChildProcess child, String reason) {
        String tail = child.logTail(LOG_LINES);
        child.close();
        return new ServiceStartException(reason + ". Last lines of " + child.log() + ":\n" + tail);
    }
}
