package io.github.clickstream.appliance.sink;

import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.Serializable;
import java.time.Duration;

/**
 * Batching and retry settings of the Elasticsearch sink. A batch is sent when it holds {@code
 * maxBatchActions} writes or {@code maxBatchBytes} of JSON, after {@code flushInterval}, and on
 * every checkpoint. Rejections with 429/503 and connection errors are retried {@code maxRetries}
 * times with exponential backoff from {@code initialBackoff}.
 */
public record ElasticsearchSinkConfig(
        ElasticsearchConnection connection,
        int maxBatchActions,
        long maxBatchBytes,
        Duration flushInterval,
        int maxRetries,
        Duration initialBackoff)
        implements Serializable {

    public static final int DEFAULT_MAX_BATCH_ACTIONS = 1000;
    public static final long DEFAULT_MAX_BATCH_BYTES = 5L * 1024 * 1024;
    public static final Duration DEFAULT_FLUSH_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_RETRIES = 8;
    public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);

    public static ElasticsearchSinkConfig defaults(ElasticsearchConnection connection) {
        return new ElasticsearchSinkConfig(
                connection,
                DEFAULT_MAX_BATCH_ACTIONS,
                DEFAULT_MAX_BATCH_BYTES,
                DEFAULT_FLUSH_INTERVAL,
                DEFAULT_MAX_RETRIES,
                DEFAULT_INITIAL_BACKOFF);
    }

    public ElasticsearchSinkConfig withRetries(int retries, Duration backoff) {
        return new ElasticsearchSinkConfig(
                connection, maxBatchActions, maxBatchBytes, flushInterval, retries, backoff);
    }

    public ElasticsearchSinkConfig withMaxBatchActions(int value) {
        return new ElasticsearchSinkConfig(
                connection, value, maxBatchBytes, flushInterval, maxRetries, initialBackoff);
    }
}
