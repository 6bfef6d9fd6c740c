package io.github.clickstream.appliance.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The system user Elasticsearch runs as when this JVM runs as root (Elasticsearch refuses to run as
 * root). Created on first use with {@code useradd --system}; processes are started under it with
 * {@code setpriv}, both part of every Debian base system.
 */
final class UnprivilegedUser {

    static final String NAME = "appliance-es";
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private UnprivilegedUser() {}

    static boolean needed() {
        return "root".equals(System.getProperty("user.name"));
    }

    static synchronized void ensureExists() {
        try {
            ChildProcess.run("id " + NAME, List.of("id", "-u", NAME), COMMAND_TIMEOUT);
        } catch (IllegalStateException missing) {
            ChildProcess.run(
                    "creating system user " + NAME,
                    List.of(
                            "useradd",
                            "--system",
                            "--user-group",
                            "--no-create-home",
                            "--shell",
                            "/usr/sbin/nologin",
                            NAME),
                    COMMAND_TIMEOUT);
        }
    }

    static void giveOwnership(Path path) {
        ChildProcess.run(
                "chown " + path,
                List.of("chown", "-R", NAME + ":" + NAME, path.toString()),
                COMMAND_TIMEOUT);
    }

    /** The command prefix that runs what follows as this user. */
    static List<String> runAs() {
        return List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--init-groups", "--");
    }
}
