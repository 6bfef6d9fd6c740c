package io.github.clickstream.appliance.api;

import io.github.clickstream.appliance.mappings.ElasticsearchConnectionOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the search API until Ctrl-C: {@code java -cp ... SearchApiMain --es-url ...}. */
@Command(
        name = "search-api",
        mixinStandardHelpOptions = true,
        description =
                "REST API for recommendations, similar items, audiences, segments, experiments"
                        + " and erasure; callers need an API key.")
public final class SearchApiMain implements Callable<Integer> {

    @Option(
            names = "--host",
            defaultValue = "${env:API_HOST:-" + SearchApiConfig.DEFAULT_HOST + "}",
            description = "Address to listen on (env API_HOST). Default: ${DEFAULT-VALUE}")
    String host;

    @Option(
            names = "--port",
            defaultValue = "${env:API_PORT:-" + SearchApiConfig.DEFAULT_PORT + "}",
            description =
                    "Port to listen on, 0 for any free port (env API_PORT). Default: ${DEFAULT-VALUE}")
    int port;

    @Option(
            names = "--es-timeout",
            defaultValue = "${env:ES_TIMEOUT:-PT2S}",
            description =
                    "Longest wait for one Elasticsearch call, ISO-8601 (env ES_TIMEOUT). Default: ${DEFAULT-VALUE}")
    Duration elasticsearchTimeout;

    @Option(
            names = "--api-keys",
            defaultValue = "${env:API_KEYS}",
            description =
                    "Accepted API keys as name:role:sha256 entries, comma-separated (env API_KEYS);"
                            + " `appliance api-key` makes one")
    String apiKeys;

    @Option(
            names = "--api-keys-file",
            defaultValue = "${env:API_KEYS_FILE}",
            description = "File of name:role:sha256 lines, added to --api-keys (env API_KEYS_FILE)")
    Path apiKeysFile;

    @Option(
            names = "--max-page-size",
            defaultValue = "${env:API_MAX_PAGE_SIZE:-" + ApiLimits.DEFAULT_MAX_PAGE_SIZE + "}",
            description =
                    "Largest page of /audiences/search (env API_MAX_PAGE_SIZE). Default: ${DEFAULT-VALUE}")
    int maxPageSize;

    @Option(
            names = "--max-export-rows",
            defaultValue = "${env:API_MAX_EXPORT_ROWS:-" + ApiLimits.DEFAULT_MAX_EXPORT_ROWS + "}",
            description =
                    "Most rows one /audiences/export sends (env API_MAX_EXPORT_ROWS). Default: ${DEFAULT-VALUE}")
    long maxExportRows;

    @Option(
            names = "--export-page-size",
            defaultValue =
                    "${env:API_EXPORT_PAGE_SIZE:-" + ApiLimits.DEFAULT_EXPORT_PAGE_SIZE + "}",
            description =
                    "Rows an export reads from Elasticsearch per request (env API_EXPORT_PAGE_SIZE). Default: ${DEFAULT-VALUE}")
    int exportPageSize;

    @Option(
            names = "--kafka-bootstrap",
            defaultValue = "${env:KAFKA_BOOTSTRAP}",
            description =
                    "Kafka bootstrap servers of the Flink job, for erasure (env KAFKA_BOOTSTRAP)."
                            + " Without them DELETE /api/v1/users/{id} answers 503.")
    String kafkaBootstrap;

    @Option(
            names = "--erasures-topic",
            defaultValue = "${env:ERASURES_TOPIC:-" + ErasureConfig.DEFAULT_TOPIC + "}",
            description =
                    "Kafka topic the Flink job reads erasures from (env ERASURES_TOPIC)."
                            + " Default: ${DEFAULT-VALUE}")
    String erasuresTopic;

    @Mixin ElasticsearchConnectionOptions elasticsearch = new ElasticsearchConnectionOptions();

    public static void main(String[] args) {
        CommandLine command =
                new CommandLine(new SearchApiMain())
                        .setExecutionExceptionHandler(
                                (e, cmd, parsed) -> {
                                    // Start-up failures (port taken, bad CA file) explain
                                    // themselves; a stack trace would bury the message.
                                    cmd.getErr().println("search-api: " + e.getMessage());
                                    return 1;
                                });
        System.exit(command.execute(args));
    }

    @Override
    public Integer call() throws InterruptedException, IOException {
        SearchApiConfig config =
                new SearchApiConfig(
                        host,
                        port,
                        elasticsearch.toConnection(),
                        elasticsearchTimeout,
                        ApiKeys.parse(configuredKeys()),
                        new ApiLimits(maxPageSize, maxExportRows, exportPageSize),
                        new ErasureConfig(kafkaBootstrap, erasuresTopic));
        RunningSearchApi api = SearchApi.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    api.close();
                                    stopped.countDown();
                                },
                                "search-api-shutdown"));
        System.out.println(
                "Search API on "
                        + api.url()
                        + " (Elasticsearch "
                        + config.elasticsearch().url()
                        + ", "
                        + config.apiKeys().size()
                        + " API keys); Ctrl-C stops it");
        stopped.await();
        return 0;
    }

    private String configuredKeys() throws IOException {
        String keys = apiKeys == null ? "" : apiKeys;
        return apiKeysFile == null ? keys : keys + "\n" + Files.readString(apiKeysFile);
    }
}
