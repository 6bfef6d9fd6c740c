package io.github.clickstream.appliance.localstack;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates Kafka topics idempotently through the admin client, and returns once every partition's
 * leader answers (the broker's metadata names a leader slightly before the leader serves): a
 * producer that writes to a partition before its leader is ready gets NOT_LEADER_OR_FOLLOWER, and
 * an idempotent producer can then keep failing its next batches with OUT_OF_ORDER_SEQUENCE_NUMBER
 * until its delivery timeout drops them.
 */
final class Topics {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Topics() {}

    static void create(String bootstrapServers, String name, int partitions) {
        try (Admin admin =
                Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            createIfMissing(admin, name, partitions);
            TopicDescription topic = awaitLeaders(admin, name);
            // answered by each partition's leader; the admin client retries while it is not ready
            admin.listOffsets(latestOf(topic)).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "Could not create Kafka topic " + name + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException(
                    "Kafka at "
                            + bootstrapServers
                            + " did not create topic "
                            + name
                            + " with a leader for every partition in "
                            + TIMEOUT.toSeconds()
                            + " s",
                    e);
        }
    }

    private static void createIfMissing(Admin admin, String name, int partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** The topic's description once every partition has a leader. */
    private static TopicDescription awaitLeaders(Admin admin, String name)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            TopicDescription topic = describeIfKnown(admin, name);
            if (topic != null && topic.partitions().stream().allMatch(p -> p.leader() != null)) {
                return topic;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + name + " still without a leader");
            }
            Thread.sleep(100);
        }
    }

    private static Map<TopicPartition, OffsetSpec> latestOf(TopicDescription topic) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartitionInfo partition : topic.partitions()) {
            latest.put(
                    new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest());
        }
        return latest;
    }

    /** Null while the broker that answered has no metadata for the topic yet. */
    private static TopicDescription describeIfKnown(Admin admin, String name)
            throws InterruptedException, TimeoutException {
        try {
            return admin.describeTopics(List.of(name))
                    .allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .get(name);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return null;
            }
            throw new IllegalStateException("Could not describe Kafka topic " + name, e);
        }
    }
}
