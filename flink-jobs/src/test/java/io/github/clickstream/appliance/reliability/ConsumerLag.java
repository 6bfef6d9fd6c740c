package io.github.clickstream.appliance.reliability;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the job's consumer group is behind: the topic's end offsets minus the offsets the job
 * committed, which Flink's Kafka source does on every completed checkpoint. So the lag counts
 * events not yet safely in Elasticsearch. Answers -1 while Kafka cannot be asked.
 */
final class ConsumerLag implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 5;

    private final Admin admin;
    private final String group;
    private final Map<TopicPartition, Long> partitions;

    /** {@code partitions}: the topic's partitions (the values are ignored). */
    ConsumerLag(String bootstrapServers, String group, Map<TopicPartition, Long> partitions) {
        this.admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3_000,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 4_000));
        this.group = group;
        this.partitions = partitions;
    }

    /** Events written to the topic but not yet committed by the job, or -1 if Kafka is away. */
    long lag() {
        Map<TopicPartition, Long> end = endOffsets();
        Map<TopicPartition, Long> committed = committed();
        if (end == null || committed == null) {
            return -1;
        }
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            lag += partition.getValue() - committed.getOrDefault(partition.getKey(), 0L);
        }
        return lag;
    }

    /** The topic's current end offsets, or null if Kafka is away. */
    Map<TopicPartition, Long> endOffsets() {
        Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
        partitions.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
        try {
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets =
                    admin.listOffsets(latest).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> end = new java.util.HashMap<>();
            offsets.forEach((p, info) -> end.put(p, info.offset()));
            return end;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the sampler is being stopped
            return null;
        } catch (Exception unavailable) {
            return null;
        }
    }

    /** True once the job has committed at least {@code offsets} on every partition. */
    boolean caughtUpWith(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, Long> committed = committed();
        return committed != null
                && offsets.entrySet().stream()
                        .allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private Map<TopicPartition, Long> committed() {
        try {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata()
                            .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, Long> committed = new java.util.HashMap<>();
            offsets.forEach(
                    (p, offset) -> {
                        if (offset != null) {
                            committed.put(p, offset.offset());
                        }
                    });
            return committed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the sampler is being stopped
            return null;
        } catch (Exception unavailable) {
            return null;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
