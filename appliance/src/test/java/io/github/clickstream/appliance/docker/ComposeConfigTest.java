package io.github.clickstream.appliance.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker Compose's own validation of {@code docker/docker-compose.yml} ({@code config} needs no
 * Docker engine). Uses {@code docker compose} (v2) or Debian's {@code docker-compose} (v1.29,
 * {@code apt-get install docker-compose}); skipped when neither is installed.
 */
class ComposeConfigTest {

    private static final ComposeFile COMPOSE = ComposeFile.load();
    private static List<String> compose;

    @TempDir Path dir;

    @BeforeAll
    static void findCompose() {
        compose =
                works(List.of("docker", "compose", "version"))
                        ? List.of("docker", "compose")
                        : works(List.of("docker-compose", "version"))
                                ? List.of("docker-compose")
                                : null;
    }

    @Test
    void composeAcceptsTheFileWithTheExampleSettings() throws Exception {
        Result result = config(COMPOSE.directory.resolve(".env.example"));

        assertThat(result.exit).as(result.output).isZero();
        assertThat(result.output)
                .as("Compose warns about nothing (e.g. unset variables)")
                .doesNotContainIgnoringCase("warn")
                .doesNotContain("is not set");
    }

    @Test
    void composeRefusesToStartWithoutThePasswords() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.env"), "# no settings\n");

        Result result = config(empty);

        assertThat(result.exit).isNotZero();
        assertThat(result.output).contains("set ELASTIC_PASSWORD in docker/.env");
    }

    private Result config(Path envFile) throws IOException, InterruptedException {
        assumeTrue(
                compose != null,
                "Neither `docker compose` nor `docker-compose` is installed"
                        + " (apt-get install docker-compose); skipping Compose's own validation");
        List<String> command = new ArrayList<>(compose);
        command.addAll(
                List.of(
                        "-f",
                        COMPOSE.directory.resolve("docker-compose.yml").toString(),
                        "--env-file",
                        envFile.toString(),
                        "config",
                        "--quiet"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Compose prefers the caller's environment over the env file: only the file may count.
        builder.environment().keySet().removeIf(COMPOSE.envExample::containsKey);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static boolean works(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private record Result(int exit, String output) {}
}
