package io.github.clickstream.appliance.localstack;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Elasticsearch and Kafka for tests and the demo, started together and stopped together: {@code try
 * (LocalStack stack = LocalStack.start()) { ... }}. Uses the local processes, or the official
 * images when the Docker mode is requested and a Docker engine is reachable.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

    private final ElasticsearchNode elasticsearch;
    private final KafkaBroker kafka;

    private LocalStack(ElasticsearchNode elasticsearch, KafkaBroker kafka) {
        this.elasticsearch = elasticsearch;
        this.kafka = kafka;
    }

    public static LocalStack start() {
        return start(ElasticsearchOptions.defaults(), KafkaOptions.defaults());
    }

    /** Starts both services in parallel; if one fails, the other is stopped again. */
    public static LocalStack start(ElasticsearchOptions esOptions, KafkaOptions kafkaOptions) {
        CompletableFuture<ElasticsearchNode> es =
                CompletableFuture.supplyAsync(() -> startElasticsearch(esOptions));
        CompletableFuture<KafkaBroker> kafka =
                CompletableFuture.supplyAsync(() -> startKafka(kafkaOptions));
        try {
            return new LocalStack(es.join(), kafka.join());
        } catch (CompletionException e) {
            es.thenAccept(ElasticsearchNode::close);
            kafka.thenAccept(KafkaBroker::close);
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    public static ElasticsearchNode startElasticsearch(ElasticsearchOptions options) {
        return useDocker() ? ContainerElasticsearch.start() : LocalElasticsearch.start(options);
    }

    public static KafkaBroker startKafka(KafkaOptions options) {
        return useDocker() ? ContainerKafkaBroker.start() : LocalKafkaBroker.start(options);
    }

    private static boolean useDocker() {
        if (!DockerEngine.requested()) {
            return false;
        }
        if (DockerEngine.available()) {
            return true;
        }
        LOG.warn("Docker mode requested but no Docker engine is reachable; using local processes");
        return false;
    }

    public ElasticsearchNode elasticsearch() {
        return elasticsearch;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            elasticsearch.close();
        }
    }
}
