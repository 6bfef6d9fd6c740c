package io.github.clickstream.appliance.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) in a child JVM on
 * 127.0.0.1, run from the Maven artifacts whose classpath the build recorded. A child JVM keeps the
 * broker's own dependencies away from the clients under test and lets it be stopped for real.
 */
public final class LocalKafkaBroker implements KafkaBroker {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);
    private static final Duration FORMAT_TIMEOUT = Duration.ofMinutes(1);

    private ChildProcess process;
    private final Path workDir;
    private final int port;
    private final Duration startTimeout;

    private LocalKafkaBroker(ChildProcess process, Path workDir, int port, Duration startTimeout) {
        this.process = process;
        this.workDir = workDir;
        this.port = port;
        this.startTimeout = startTimeout;
    }

    public static LocalKafkaBroker start(KafkaOptions options) {
        long started = System.nanoTime();
        Path workDir;
        try {
            workDir = Files.createTempDirectory("appliance-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int port = FreePort.orPick(options.port());
            Path config =
                    writeConfig(workDir, port, FreePort.orPick(options.controllerPort()), options);
            ChildProcess.run(
                    "Formatting Kafka storage",
                    java(
                            options,
                            "kafka.tools.StorageTool",
                            "format",
                            "--cluster-id",
                            Uuid.randomUuid().toString(),
                            "--config",
                            config.toString()),
                    FORMAT_TIMEOUT);
            ChildProcess child =
                    ChildProcess.start(
                            "Kafka",
                            java(options, "kafka.Kafka", config.toString()),
                            Map.of(),
                            workDir.resolve("console.log"));
            LocalKafkaBroker broker =
                    new LocalKafkaBroker(child, workDir, port, options.startTimeout());
            Readiness.await(child, "Kafka on port " + port, options.startTimeout(), broker::ready);
            LOG.info(
                    "Kafka {} started at {} in {} ms",
                    BuildInfo.get("kafka.version"),
                    broker.bootstrapServers(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            return broker;
        } catch (RuntimeException e) {
            Directories.deleteQuietly(workDir);
            throw e;
        }
    }

    private static List<String> java(KafkaOptions options, String mainClass, String... args) {
        List<String> command =
                new java.util.ArrayList<>(
                        List.of(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xms" + options.heapMegabytes() + "m",
                                "-Xmx" + options.heapMegabytes() + "m",
                                "-XX:+UseG1GC",
                                "-cp",
                                BuildInfo.get("kafka.classpath"),
                                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private static Path writeConfig(
            Path workDir, int port, int controllerPort, KafkaOptions options) {
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", "1");
        config.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        config.put(
                "listeners",
                "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", workDir.resolve("logs").toString());
        config.put("num.partitions", String.valueOf(options.defaultPartitions()));
        config.put("auto.create.topics.enable", "true");
        // A single node cannot replicate: every internal topic gets one replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("offsets.topic.num.partitions", "4");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("group.initial.rebalance.delay.ms", "0");
        Path file = workDir.resolve("server.properties");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            config.store(out, "local-stack Kafka broker");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private boolean ready() {
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    @Override
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /**
     * Stops the broker as a restart would, keeping its logs (the topics' data) and port; {@link
     * #startAgain} brings it back. For tests of what clients do while the broker is away.
     */
    public synchronized void stop() {
        process.close();
        LOG.info("Kafka at {} stopped", bootstrapServers());
    }

    /** Starts the stopped broker again on the same ports and logs; returns once it answers. */
    public synchronized void startAgain() {
        if (process.isAlive()) {
            throw new IllegalStateException(this + " is still running; stop it first");
        }
        long started = System.nanoTime();
        process = process.startAgain();
        Readiness.await(process, "Kafka on port " + port, startTimeout, this::ready);
        LOG.info(
                "Kafka at {} started again in {} ms",
                bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    @Override
    public synchronized void close() {
        process.close();
        Directories.deleteQuietly(workDir);
    }

    @Override
    public String toString() {
        return "Kafka at " + bootstrapServers();
    }
}
