package io.github.clickstream.appliance.localstack;

/**
 * A running Kafka broker. Implemented by {@link LocalKafkaBroker} (a KRaft broker in a child JVM)
 * and, where a Docker engine exists, by {@link ContainerKafkaBroker}.
 */
public interface KafkaBroker extends AutoCloseable {

    /** The {@code bootstrap.servers} value, e.g. {@code 127.0.0.1:54322}. */
    String bootstrapServers();

    /** Creates the topic if it does not exist yet; returns once it is usable. */
    default void createTopic(String name, int partitions) {
        Topics.create(bootstrapServers(), name, partitions);
    }

    @Override
    void close();
}
