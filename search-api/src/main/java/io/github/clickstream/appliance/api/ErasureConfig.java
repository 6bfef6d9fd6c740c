package io.github.clickstream.appliance.api;

import java.util.Objects;

/**
 * Where the search API announces erasures: the Kafka bootstrap servers and the topic the Flink job
 * reads them from. Without bootstrap servers erasure is off and {@code DELETE /api/v1/users/{id}}
 * answers 503: deleting from Elasticsearch alone would be undone by the job, which still holds the
 * user's state.
 */
public record ErasureConfig(String kafkaBootstrapServers, String topic) {

    public static final String DEFAULT_TOPIC = "erasures";

    public ErasureConfig {
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("The erasures topic must not be empty");
        }
        if (kafkaBootstrapServers != null && kafkaBootstrapServers.isBlank()) {
            kafkaBootstrapServers = null;
        }
    }

    /** No Kafka: erasure requests are refused with 503. */
    public static ErasureConfig disabled() {
        return new ErasureConfig(null, DEFAULT_TOPIC);
    }

    /** Erasures to the default topic on this Kafka. */
    public static ErasureConfig kafka(String bootstrapServers) {
        return new ErasureConfig(bootstrapServers, DEFAULT_TOPIC);
    }

    public boolean enabled() {
        return kafkaBootstrapServers != null;
    }
}
