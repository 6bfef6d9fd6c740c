package io.github.clickstream.appliance.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch from the distribution on Maven Central, run as a child process on 127.0.0.1: single
 * node, security off, its own config, data and log folders in a temp folder that is removed on
 * close. When this JVM runs as root, the node runs as {@link UnprivilegedUser#NAME}.
 */
public final class LocalElasticsearch implements ElasticsearchNode {

    private static final Logger LOG = LoggerFactory.getLogger(LocalElasticsearch.class);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ChildProcess process;
    private final Path workDir;
    private final int httpPort;
    private final String description;
    private final ElasticsearchOptions options;

    private LocalElasticsearch(
            ChildProcess process,
            Path workDir,
            int httpPort,
            String description,
            ElasticsearchOptions options) {
        this.process = process;
        this.workDir = workDir;
        this.httpPort = httpPort;
        this.description = description;
        this.options = options;
    }

    public static LocalElasticsearch start(ElasticsearchOptions options) {
        ElasticsearchDistribution distribution = options.distributionOrBuilt();
        distribution.validate();
        long started = System.nanoTime();
        Path workDir = createWorkDir();
        try {
            if (UnprivilegedUser.needed()) {
                UnprivilegedUser.ensureExists();
                distribution = distribution.copyOwnedByUnprivilegedUser();
            }
            Path config = workDir.resolve("config");
            Directories.copy(distribution.config(), config);
            for (String dir : List.of("data", "logs", "tmp")) {
                Files.createDirectories(workDir.resolve(dir));
            }
            if (UnprivilegedUser.needed()) {
                UnprivilegedUser.giveOwnership(workDir);
            }
            int httpPort = FreePort.orPick(options.httpPort());
            int transportPort = FreePort.orPick(options.transportPort());
            ChildProcess child =
                    ChildProcess.start(
                            "Elasticsearch",
                            command(distribution, workDir, httpPort, transportPort, options),
                            environment(workDir, options.heapMegabytes()),
                            workDir.resolve("console.log"));
            LocalElasticsearch node =
                    new LocalElasticsearch(
                            child,
                            workDir,
                            httpPort,
                            "Elasticsearch " + distribution.version() + " on port " + httpPort,
                            options);
            Readiness.await(child, node.description, options.startTimeout(), node::healthy);
            LOG.info(
                    "Elasticsearch {} started at {} in {} ms",
                    distribution.version(),
                    node.httpUrl(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return node;
        } catch (IOException e) {
            Directories.deleteQuietly(workDir);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (!options.keepData()) {
                Directories.deleteQuietly(workDir);
            }
            throw e;
        }
    }

    private static Path createWorkDir() {
        try {
            return Files.createTempDirectory("appliance-es-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> command(
            ElasticsearchDistribution distribution,
            Path workDir,
            int httpPort,
            int transportPort,
            ElasticsearchOptions options) {
        List<String> command = new ArrayList<>();
        if (UnprivilegedUser.needed()) {
            command.addAll(UnprivilegedUser.runAs());
        }
        command.add(distribution.launcher().toString());
        for (String setting :
                List.of(
                        "cluster.name=appliance-local",
                        "node.name=appliance-local",
                        "network.host=127.0.0.1",
                        "http.port=" + httpPort,
                        "transport.port=" + transportPort,
                        "discovery.type=single-node",
                        "xpack.security.enabled=false",
                        "cluster.routing.allocation.disk.threshold_enabled=false",
                        "path.data=" + workDir.resolve("data"),
                        "path.logs=" + workDir.resolve("logs"))) {
            command.add("-E" + setting);
        }
        options.settings().forEach((key, value) -> command.add("-E" + key + "=" + value));
        return command;
    }

    private static Map<String, String> environment(Path workDir, int heapMegabytes) {
        return Map.of(
                "ES_JAVA_HOME", System.getProperty("java.home"),
                "ES_PATH_CONF", workDir.resolve("config").toString(),
                "ES_TMPDIR", workDir.resolve("tmp").toString(),
                "ES_JAVA_OPTS", "-Xms" + heapMegabytes + "m -Xmx" + heapMegabytes + "m");
    }

    private boolean healthy() {
        HttpRequest request =
                HttpRequest.newBuilder(
                                URI.create(
                                        httpUrl()
                                                + "/_cluster/health?wait_for_status=yellow&timeout=1s"))
                        .timeout(Duration.ofSeconds(5))
                        .build();
        try {
            HttpResponse<String> response =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && !response.body().contains("\"red\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The process id of the launcher, so tests can check nothing outlives a stop. */
    public long pid() {
        return process.pid();
    }

    /**
     * Stops the node as an outage would, keeping its data folder and port; {@link #startAgain}
     * brings it back. For tests of what clients do while Elasticsearch is away.
     */
    public synchronized void stop() {
        process.close();
        LOG.info("{} stopped", description);
    }

    /** Starts the stopped node again on the same ports and data; returns once it is healthy. */
    public synchronized void startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(description + " is still running; stop it first");
        }
        long started = System.nanoTime();
        process = process.startAgain();
        Readiness.await(process, description, options.startTimeout(), this::healthy);
        LOG.info(
                "{} started again in {} ms",
                description,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Override
    public synchronized void close() {
        process.close();
        if (!options.keepData()) {
            Directories.deleteQuietly(workDir);
        }
    }

    @Override
    public String toString() {
        return "Elasticsearch at " + httpUrl();
    }
}
