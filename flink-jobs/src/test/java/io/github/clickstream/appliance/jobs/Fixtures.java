package io.github.clickstream.appliance.jobs;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Sends raw payloads to a topic, in order, and waits until Kafka has them. */
final class Fixtures {

    private Fixtures() {}

    static void send(String bootstrapServers, String topic, List<String> payloads) {
        send(bootstrapServers, topic, null, payloads);
    }

    /** The same into one partition ({@code null}: the producer's choice). */
    static void send(
            String bootstrapServers, String topic, Integer partition, List<String> payloads) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String payload : payloads) {
                producer.send(
                        new ProducerRecord<>(
                                topic, partition, null, payload.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }
}
