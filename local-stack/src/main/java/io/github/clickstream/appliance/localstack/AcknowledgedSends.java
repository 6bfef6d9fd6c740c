package io.github.clickstream.appliance.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends records in order and waits until Kafka has acknowledged every one of them: a record Kafka
 * refused (or never took before the delivery timeout) fails the call instead of going missing.
 */
public final class AcknowledgedSends {

    private AcknowledgedSends() {}

    public static void send(String bootstrapServers, List<ProducerRecord<byte[], byte[]>> records) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(records.size());
            for (ProducerRecord<byte[], byte[]> record : records) {
                acknowledgements.add(producer.send(record));
            }
            producer.flush();
            for (int i = 0; i < acknowledgements.size(); i++) {
                await(acknowledgements.get(i), i, records);
            }
        }
    }

    private static void await(
            Future<RecordMetadata> acknowledgement,
            int index,
            List<ProducerRecord<byte[], byte[]>> records) {
        try {
            acknowledgement.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Kafka did not take record "
                            + (index + 1)
                            + " of "
                            + records.size()
                            + " for topic "
                            + records.get(index).topic()
                            + ": "
                            + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while sending to Kafka", e);
        }
    }
}
