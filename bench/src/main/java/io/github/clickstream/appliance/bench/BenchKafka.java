package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.KafkaOptions;
import io.github.clickstream.appliance.localstack.LocalKafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStack;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A Kafka broker for one benchmark (the local-stack KRaft broker in a child JVM, 512 MB heap, on
 * the same cores), with producers for its topics and the CPU its process has used.
 */
final class BenchKafka implements AutoCloseable {

    private final KafkaBroker broker;

    private BenchKafka(KafkaBroker broker) {
        this.broker = broker;
    }

    static BenchKafka start() {
        long start = System.nanoTime();
        BenchKafka kafka = new BenchKafka(LocalStack.startKafka(KafkaOptions.defaults()));
        System.out.printf(
                "Kafka started at %s in %.0f s%n",
                kafka.bootstrapServers(), (System.nanoTime() - start) / 1e9);
        return kafka;
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    void createTopic(String name, int partitions) {
        broker.createTopic(name, partitions);
    }

    /** Keyed by user id, so one user's events stay in order on one partition, as a shop sends. */
    KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.LINGER_MS_CONFIG,
                        5),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    /** CPU seconds the broker's process has used so far; NaN when it is not a local child. */
    double cpuSeconds() {
        return broker instanceof LocalKafkaBroker local
                ? ProcessCpu.treeSeconds(local.pid())
                : Double.NaN;
    }

    @Override
    public void close() {
        broker.close();
    }
}
