package io.github.clickstream.appliance.localstack;

import java.time.Duration;

/**
 * How to start a local Elasticsearch. Ports 0 mean "pick a free one"; a null distribution means the
 * one the build unpacked.
 */
public record ElasticsearchOptions(
        ElasticsearchDistribution distribution,
        int httpPort,
        int transportPort,
        int heapMegabytes,
        Duration startTimeout,
        boolean keepData) {

    public static final int DEFAULT_HEAP_MB = 512;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);

    public static ElasticsearchOptions defaults() {
        return new ElasticsearchOptions(null, 0, 0, DEFAULT_HEAP_MB, DEFAULT_START_TIMEOUT, false);
    }

    public ElasticsearchOptions withHttpPort(int port) {
        return new ElasticsearchOptions(
                distribution, port, transportPort, heapMegabytes, startTimeout, keepData);
    }

    public ElasticsearchOptions withDistribution(ElasticsearchDistribution value) {
        return new ElasticsearchOptions(
                value, httpPort, transportPort, heapMegabytes, startTimeout, keepData);
    }

    public ElasticsearchOptions withKeepData(boolean value) {
        return new ElasticsearchOptions(
                distribution, httpPort, transportPort, heapMegabytes, startTimeout, value);
    }

    ElasticsearchDistribution distributionOrBuilt() {
        return distribution != null ? distribution : ElasticsearchDistribution.fromBuild();
    }
}
