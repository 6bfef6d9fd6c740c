package io.github.clickstream.appliance.events.datasets;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public dataset samples in {@code ../shared/data} (next to the checkout on the build machines,
 * absent on a user's machine: tests that need them are skipped with a message).
 */
public final class SharedData {

    private SharedData() {}

    public static Path file(String name) {
        Path dir = Path.of(System.getProperty("shared.data", "../../shared/data"));
        Path file = dir.resolve(name);
        assumeTrue(
                Files.isReadable(file),
                "skipped: "
                        + file.toAbsolutePath()
                        + " not found (shared data is only on build machines)");
        return file;
    }
}
