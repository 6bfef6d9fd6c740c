package io.github.clickstream.appliance.localstack;

import org.testcontainers.kafka.KafkaContainer;

/** Kafka from the official {@code apache/kafka} image, for machines with a Docker engine. */
public final class ContainerKafkaBroker implements KafkaBroker {

    private final KafkaContainer container;

    private ContainerKafkaBroker(KafkaContainer container) {
        this.container = container;
    }

    public static ContainerKafkaBroker start() {
        KafkaContainer container =
                new KafkaContainer("apache/kafka:" + BuildInfo.get("kafka.version"));
        container.start();
        return new ContainerKafkaBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public void close() {
        container.stop();
    }
}
