package io.github.clickstream.appliance.localstack;

import java.time.Duration;

/** How to start a local Kafka broker. Ports 0 mean "pick a free one". */
public record KafkaOptions(
        int port,
        int controllerPort,
        int defaultPartitions,
        int heapMegabytes,
        Duration startTimeout) {

    public static final int DEFAULT_PARTITIONS = 2;
    public static final int DEFAULT_HEAP_MB = 512;
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofMinutes(2);

    public static KafkaOptions defaults() {
        return new KafkaOptions(0, 0, DEFAULT_PARTITIONS, DEFAULT_HEAP_MB, DEFAULT_START_TIMEOUT);
    }

    public KafkaOptions withPort(int value) {
        return new KafkaOptions(
                value, controllerPort, defaultPartitions, heapMegabytes, startTimeout);
    }
}
