package io.github.clickstream.appliance.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class KafkaRoundTripITCase {

    private static final int RECORDS = 1_000;
    private static final int PARTITIONS = 3;
    private static final int KEYS = 7;

    @Test
    void thousandRecordsComeBackCompleteAndInOrderPerPartition(KafkaBroker kafka) {
        String topic = "round-trip";
        kafka.createTopic(topic, PARTITIONS);

        Properties producerConfig = new Properties();
        producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(
                        producerConfig, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + (i % KEYS), String.valueOf(i)));
            }
            producer.flush();
        }

        List<ConsumerRecord<String, String>> received = consumeAll(kafka, topic);

        assertThat(received)
                .extracting(record -> Integer.parseInt(record.value()))
                .containsExactlyInAnyOrderElementsOf(
                        java.util.stream.IntStream.range(0, RECORDS).boxed().toList());
        Map<Integer, List<Integer>> perPartition = new HashMap<>();
        Map<String, Integer> partitionOfKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : received) {
            perPartition
                    .computeIfAbsent(record.partition(), p -> new ArrayList<>())
                    .add(Integer.parseInt(record.value()));
            partitionOfKey.merge(
                    record.key(),
                    record.partition(),
                    (a, b) -> {
                        assertThat(a).as("one key, one partition").isEqualTo(b);
                        return a;
                    });
        }
        assertThat(perPartition.keySet()).hasSizeGreaterThan(1);
        perPartition.values().forEach(values -> assertThat(values).isSorted());
    }

    private static List<ConsumerRecord<String, String>> consumeAll(
            KafkaBroker kafka, String topic) {
        Properties consumerConfig = new Properties();
        consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "round-trip-test");
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        consumerConfig, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (received.size() < RECORDS && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
        }
        return received;
    }
}
