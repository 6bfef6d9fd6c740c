package io.github.clickstream.appliance.api;

import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.time.Duration;
import java.util.Objects;

/**
 * How the search API runs: where it listens (port 0 picks a free port), which Elasticsearch it
 * reads, how long it waits for each Elasticsearch call before answering 503, which API keys it
 * accepts (at least one), the page and export caps, and where erasures go.
 */
public record SearchApiConfig(
        String host,
        int port,
        ElasticsearchConnection elasticsearch,
        Duration elasticsearchTimeout,
        ApiKeys apiKeys,
        ApiLimits limits,
        ErasureConfig erasure) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_ELASTICSEARCH_TIMEOUT = Duration.ofSeconds(2);

    public SearchApiConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(elasticsearch, "elasticsearch");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(erasure, "erasure");
        if (apiKeys == null || apiKeys.isEmpty()) {
            throw new IllegalArgumentException(
                    "No API keys configured: every endpoint but /health would refuse all callers."
                            + " Generate one with `appliance api-key --name NAME --role reader`"
                            + " and pass the printed line with --api-keys or API_KEYS");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port must be 0 to 65535 (set --port), got " + port);
        }
        if (elasticsearchTimeout == null
                || elasticsearchTimeout.isNegative()
                || elasticsearchTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "Elasticsearch timeout must be positive (set --es-timeout, e.g. PT2S)");
        }
    }

    /**
     * Loopback on a free port, default timeout and limits, erasure off: for tests and embedding.
     */
    public static SearchApiConfig local(ElasticsearchConnection elasticsearch, ApiKeys apiKeys) {
        return new SearchApiConfig(
                "127.0.0.1",
                0,
                elasticsearch,
                DEFAULT_ELASTICSEARCH_TIMEOUT,
                apiKeys,
                ApiLimits.DEFAULTS,
                ErasureConfig.disabled());
    }

    public SearchApiConfig withPort(int port) {
        return new SearchApiConfig(
                host, port, elasticsearch, elasticsearchTimeout, apiKeys, limits, erasure);
    }

    public SearchApiConfig withLimits(ApiLimits limits) {
        return new SearchApiConfig(
                host, port, elasticsearch, elasticsearchTimeout, apiKeys, limits, erasure);
    }

    /** Erasures announced on this Kafka topic (without one, erasure answers 503). */
    public SearchApiConfig withErasure(ErasureConfig erasure) {
        return new SearchApiConfig(
                host, port, elasticsearch, elasticsearchTimeout, apiKeys, limits, erasure);
    }
}
