package io.github.clickstream.appliance.api;

import java.time.Instant;

/**
 * Announces erasures to the Flink job. {@link #publish} returns only once the announcement is
 * durable, so the API deletes documents only after the job is sure to learn of the erasure.
 */
interface ErasureLog extends AutoCloseable {

    /** Refuses every erasure: the API runs without Kafka. */
    ErasureLog NOT_CONFIGURED =
            new ErasureLog() {
                @Override
                public void publish(String userId, Instant requestedAt) {
                    throw new ApiException(
                            503,
                            "erasure_not_configured",
                            "Erasure needs the Kafka topic the Flink job reads (set"
                                    + " --kafka-bootstrap); deleting from Elasticsearch alone would"
                                    + " be undone by the job");
                }

                @Override
                public void close() {}
            };

    static ErasureLog of(ErasureConfig config) {
        return config.enabled() ? new KafkaErasureLog(config) : NOT_CONFIGURED;
    }

    void publish(String userId, Instant requestedAt);

    @Override
    void close();
}
