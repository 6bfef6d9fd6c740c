package io.github.clickstream.appliance.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A service started as a child process whose output goes to a log file. Stopping it stops the whole
 * process tree (Elasticsearch's launcher forks the server JVM), and a JVM shutdown hook does the
 * same, so no service outlives the tests or the demo that started it.
 */
final class ChildProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+(at |\\.\\.\\. \\d+ more)");

    private final String name;
    private final List<String> command;
    private final Map<String, String> env;
    private final Process process;
    private final Path log;
    private final Thread shutdownHook;

    private ChildProcess(
            String name, List<String> command, Map<String, String> env, Process process, Path log) {
        this.name = name;
        this.command = command;
        this.env = env;
        this.process = process;
        this.log = log;
        this.shutdownHook = new Thread(this::stop, "stop " + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    static ChildProcess start(
            String name, List<String> command, Map<String, String> env, Path log) {
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            return new ChildProcess(
                    name, List.copyOf(command), Map.copyOf(env), builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    /**
     * The same command started again, its output appended to the same log; close this one first.
     */
    ChildProcess startAgain() {
        return start(name, command, env, log);
    }

    /** Runs a command to completion, failing with its output when it exits non-zero. */
    static void run(String what, List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish in " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(
                        what
                                + " failed (exit "
                                + process.exitValue()
                                + "): "
                                + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + " could not run: " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitValue() {
        return process.exitValue();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /**
     * The last lines of the log without stack frames, for error messages that say why a start
     * failed: the frames would push the one line that explains it out of view.
     */
    String logTail(int lines) {
        try {
            List<String> all =
                    Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                            .filter(line -> !STACK_FRAME.matcher(line).find())
                            .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing to remove
        }
    }

    private void stop() {
        List<ProcessHandle> tree =
                process.toHandle().descendants().collect(java.util.stream.Collectors.toList());
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        awaitExit(tree, GRACE);
        process.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly);
        awaitExit(tree, Duration.ofSeconds(10));
    }

    private void awaitExit(List<ProcessHandle> tree, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (ProcessHandle handle : tree) {
                long left = Math.max(0, deadline - System.nanoTime());
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception timedOut) {
            // the caller escalates to a forced kill
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
