package io.github.clickstream.appliance.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes one record per erasure to the erasures topic: key the user id, value {@code {"user_id":
 * ..., "requested_at": ...}}, acknowledged by all in-sync replicas.
 *
 * <p>A JSON event rather than a null-value tombstone: log compaction removes a key whose latest
 * value is null, so a tombstone would eventually vanish from the topic, and a job started afresh
 * (which reads the topic from its beginning) would no longer know the user was erased and would let
 * a replay re-create them. A JSON value survives compaction as the latest record per user.
 */
final class KafkaErasureLog implements ErasureLog {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaErasureLog.class);
    private static final int TIMEOUT_MILLIS = 10_000;

    /** The record's value. */
    record ErasureEvent(String userId, Instant requestedAt) {}

    private final String topic;
    private final KafkaProducer<String, String> producer;

    KafkaErasureLog(ErasureConfig config) {
        this.topic = config.topic();
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // An unreachable Kafka must turn into a 503 in bounded time, not a hung request.
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT_MILLIS / 2);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS / 2);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, TIMEOUT_MILLIS);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer =
                new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void publish(String userId, Instant requestedAt) {
        String value;
        try {
            value = ApiJson.MAPPER.writeValueAsString(new ErasureEvent(userId, requestedAt));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the erasure event", e);
        }
        try {
            producer.send(new ProducerRecord<>(topic, userId, value))
                    .get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("Publishing an erasure to Kafka topic {} failed: {}", topic, e.toString());
            throw unavailable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private static ApiException unavailable() {
        return new ApiException(
                503,
                "kafka_unavailable",
                "The erasure could not be handed to Kafka; nothing was deleted, try again later");
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
