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
            awaitLeaders(admin, name);
            // answered by each partition's leader; the admin client retries while it is not ready
            admin.listOffsets(latestOf(admin, name))
                    .all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
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

    private static void awaitLeaders(Admin admin, String name)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!everyPartitionLed(admin, name)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + name + " still without a leader");
            }
            Thread.sleep(100);
        }
    }

    private static Map<TopicPartition, OffsetSpec> latestOf(Admin admin, String name)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (TopicPartitionInfo partition : describe(admin, name).partitions()) {
            latest.put(new TopicPartition(name, partition.partition()), OffsetSpec.latest());
        }
        return latest;
    }

    private static TopicDescription describe(Admin admin, String name)
            throws ExecutionException, InterruptedException, TimeoutException {
        return admin.describeTopics(List.of(name))
                .allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .get(name);
    }

    private static boolean everyPartitionLed(Admin admin, String name)
            throws InterruptedException, TimeoutException {
        try {
            return describe(admin, name).partitions().stream().allMatch(p -> p.leader() != null);
        } catch (ExecutionException e) {
            // metadata not yet on the broker that answered: the topic is not ready either
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("Could not describe Kafka topic " + name, e);
        }
    }
}
