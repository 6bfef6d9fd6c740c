package io.github.clickstream.appliance.jobs;

import io.github.clickstream.appliance.localstack.AcknowledgedSends;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Sends raw payloads to a topic, in order, and waits until Kafka has them. */
final class Fixtures {

    private Fixtures() {}

    static void send(String bootstrapServers, String topic, List<String> payloads) {
        send(bootstrapServers, topic, null, payloads);
    }

    /** The same into one partition ({@code null}: the producer's choice). */
    static void send(
            String bootstrapServers, String topic, Integer partition, List<String> payloads) {
        AcknowledgedSends.send(
                bootstrapServers,
                payloads.stream()
                        .map(
                                payload ->
                                        new ProducerRecord<byte[], byte[]>(
                                                topic,
                                                partition,
                                                null,
                                                payload.getBytes(StandardCharsets.UTF_8)))
                        .toList());
    }
}
