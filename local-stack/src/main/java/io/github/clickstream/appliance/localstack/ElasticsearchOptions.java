package io.github.clickstream.appliance.localstack;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to start a local Elasticsearch. Ports 0 mean "pick a free one"; a null distribution means the
 * one the build unpacked; {@code settings} are extra node settings passed as {@code -Ekey=value}
 * (e.g. a tiny {@code thread_pool.write.queue_size} to provoke 429 rejections).
 */
public record ElasticsearchOptions(
        ElasticsearchDistribution distribution,
        int httpPort,
        int transportPort,
        int heapMegabytes,
        Duration startTimeout,
        boolean keepData,
        Map<String, String> settings) {

    public ElasticsearchOptions {
        settings = Map.copyOf(settings);
    }

    public static final int DEFAULT_HEAP_MB = 512;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(3);

    public static ElasticsearchOptions defaults() {
        return new ElasticsearchOptions(
                null, 0, 0, DEFAULT_HEAP_MB, DEFAULT_START_TIMEOUT, false, Map.of());
    }

    public ElasticsearchOptions withHttpPort(int port) {
        return new ElasticsearchOptions(
                distribution, port, transportPort, heapMegabytes, startTimeout, keepData, settings);
    }

    public ElasticsearchOptions withDistribution(ElasticsearchDistribution value) {
        return new ElasticsearchOptions(
                value, httpPort, transportPort, heapMegabytes, startTimeout, keepData, settings);
    }

    public ElasticsearchOptions withKeepData(boolean value) {
        return new ElasticsearchOptions(
                distribution,
                httpPort,
                transportPort,
                heapMegabytes,
                startTimeout,
                value,
                settings);
    }

    /** These options plus one node setting, e.g. {@code thread_pool.write.queue_size=1}. */
    public ElasticsearchOptions withSetting(String key, String value) {
        Map<String, String> more = new TreeMap<>(settings);
        more.put(key, value);
        return new ElasticsearchOptions(
                distribution, httpPort, transportPort, heapMegabytes, startTimeout, keepData, more);
    }

    ElasticsearchDistribution distributionOrBuilt() {
        return distribution != null ? distribution : ElasticsearchDistribution.fromBuild();
    }
}
