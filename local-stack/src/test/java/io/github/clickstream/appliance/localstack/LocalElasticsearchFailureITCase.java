package io.github.clickstream.appliance.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up failures must say what went wrong and leave no process behind. */
class LocalElasticsearchFailureITCase {

    private Set<Long> childrenBefore;

    @BeforeEach
    void rememberRunningChildren() {
        childrenBefore = liveChildren();
    }

    @Test
    void takenHttpPortFailsWithTheBindErrorAndLeavesNoProcess() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ElasticsearchOptions options =
                    ElasticsearchOptions.defaults().withHttpPort(taken.getLocalPort());

            assertThatThrownBy(() -> LocalElasticsearch.start(options))
                    .isInstanceOf(ServiceStartException.class)
                    .hasMessageContaining("exited with code")
                    .hasMessageContaining("port " + taken.getLocalPort())
                    .hasMessageContaining("Address already in use");
        }
        assertThat(newChildren()).isEmpty();
    }

    @Test
    void missingDistributionFailsBeforeStartingAnything(@TempDir Path empty) {
        ElasticsearchOptions options =
                ElasticsearchOptions.defaults()
                        .withDistribution(
                                new ElasticsearchDistribution(empty.resolve("nowhere"), "8.19.4"));

        assertThatThrownBy(() -> LocalElasticsearch.start(options))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing or incomplete")
                .hasMessageContaining(empty.resolve("nowhere").toString())
                .hasMessageContaining("./mvnw -DskipTests install");
        assertThat(newChildren()).isEmpty();
    }

    @Test
    void corruptDistributionFailsWithItsLogAndLeavesNoProcess(@TempDir Path dir) throws Exception {
        ElasticsearchDistribution good = ElasticsearchDistribution.fromBuild();
        Path home = dir.resolve("elasticsearch-truncated");
        Directories.copy(good.home().resolve("bin"), home.resolve("bin"));
        Directories.copy(good.home().resolve("config"), home.resolve("config"));
        Files.createDirectories(home.resolve("lib"));
        Files.writeString(home.resolve("lib/elasticsearch-" + good.version() + ".jar"), "junk");
        ElasticsearchOptions options =
                ElasticsearchOptions.defaults()
                        .withDistribution(new ElasticsearchDistribution(home, "corrupt"));

        assertThatThrownBy(() -> LocalElasticsearch.start(options))
                .isInstanceOf(ServiceStartException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("Last lines of");
        assertThat(newChildren()).isEmpty();
    }

    private Set<Long> newChildren() {
        // Give the killed tree a moment to be reaped before looking.
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Set<Long> fresh;
        do {
            fresh = liveChildren();
            fresh.removeAll(childrenBefore);
        } while (!fresh.isEmpty() && System.nanoTime() < deadline);
        return fresh;
    }

    private static Set<Long> liveChildren() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .map(ProcessHandle::pid)
                .collect(Collectors.toSet());
    }
}
