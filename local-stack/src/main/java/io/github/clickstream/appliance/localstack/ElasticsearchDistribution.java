package io.github.clickstream.appliance.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An unpacked Elasticsearch distribution (by default the integ-test zip that the build takes from
 * Maven Central). Checked before anything is started, so a missing or broken unpack fails with a
 * message that says how to fix it.
 */
public record ElasticsearchDistribution(Path home, String version) {

    /** The distribution the build unpacked into {@code local-stack/target/elasticsearch}. */
    public static ElasticsearchDistribution fromBuild() {
        return new ElasticsearchDistribution(
                Path.of(BuildInfo.get("elasticsearch.home")),
                BuildInfo.get("elasticsearch.version"));
    }

    Path launcher() {
        return home.resolve("bin").resolve("elasticsearch");
    }

    Path config() {
        return home.resolve("config");
    }

    /** Fails with a clear message unless this looks like a usable distribution. */
    void validate() {
        for (Path required : new Path[] {launcher(), config(), home.resolve("lib")}) {
            if (!Files.exists(required)) {
                throw new IllegalStateException(
                        "Elasticsearch distribution at "
                                + home
                                + " is missing or incomplete ("
                                + home.relativize(required)
                                + " not found); rebuild it with ./mvnw -DskipTests install");
            }
        }
    }

    /**
     * A copy owned by the unprivileged user in the temp folder, made once per version and reused:
     * the build tree may sit below folders that user cannot enter.
     */
    ElasticsearchDistribution copyOwnedByUnprivilegedUser() {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String name =
                "appliance-elasticsearch-"
                        + version
                        + "-"
                        + Integer.toHexString(home.toAbsolutePath().toString().hashCode());
        Path target = tmp.resolve(name);
        Path done = target.resolve(".appliance-copy-complete");
        try (FileChannel lockFile =
                        FileChannel.open(
                                tmp.resolve(name + ".lock"),
                                StandardOpenOption.CREATE,
                                StandardOpenOption.WRITE);
                FileLock ignored = lockFile.lock()) {
            if (!Files.exists(done)) {
                Directories.deleteQuietly(target);
                Directories.copy(home, target);
                UnprivilegedUser.giveOwnership(target);
                Files.createFile(done);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare " + target, e);
        }
        return new ElasticsearchDistribution(target, version);
    }
}
