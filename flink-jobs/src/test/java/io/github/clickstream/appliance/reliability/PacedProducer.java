package io.github.clickstream.appliance.reliability;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends events to Kafka at a steady rate on its own thread, as a shop would: the input keeps
 * arriving while a fault is injected. Each user's events go to a partition fixed by the user id, so
 * every run (paced or not) reads the same sequence per partition, and the offsets where the input
 * ends are known before the first event is sent.
 */
final class PacedProducer implements AutoCloseable {

    /** Long enough to ride out a broker restart instead of dropping events. */
    private static final int DELIVERY_TIMEOUT_MS = 300_000;

    private final String bootstrapServers;
    private final String topic;
    private final int partitions;
    private final List<Record> records;
    private final double perSecond;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final Thread thread;

    /**
     * One Kafka record: the key that fixes its partition (a user id) and the value, which need not
     * be a valid event (null is a record without a value).
     */
    record Record(String key, byte[] value) {
        static Record of(ClickEvent event) {
            return new Record(event.userId(), ClickEventJson.toJson(event));
        }

        static List<Record> of(List<ClickEvent> events) {
            return events.stream().map(Record::of).toList();
        }
    }

    /** {@code perSecond <= 0} sends as fast as Kafka takes them. */
    PacedProducer(
            String bootstrapServers,
            String topic,
            int partitions,
            List<Record> records,
            double perSecond) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.partitions = partitions;
        this.records = records;
        this.perSecond = perSecond;
        this.thread = new Thread(this::sendAll, "paced producer " + topic);
    }

    /** Where the input ends: how many events each partition gets. */
    Map<TopicPartition, Long> endOffsets() {
        // a HashMap: the job's stopping offsets are serialized with it
        Map<TopicPartition, Long> counts = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            counts.put(new TopicPartition(topic, p), 0L);
        }
        for (Record record : records) {
            counts.merge(
                    new TopicPartition(topic, partitionOf(record.key(), partitions)),
                    1L,
                    Long::sum);
        }
        return counts;
    }

    void start() {
        thread.start();
    }

    /** Events Kafka has acknowledged so far. */
    long acknowledged() {
        return acknowledged.get();
    }

    int total() {
        return records.size();
    }

    /** Waits until every event is acknowledged; fails if Kafka refused one. */
    void awaitAllSent(long timeout, TimeUnit unit) throws InterruptedException {
        thread.join(unit.toMillis(timeout));
        if (failure.get() != null) {
            throw new IllegalStateException("Kafka refused an event", failure.get());
        }
        if (thread.isAlive() || acknowledged.get() != records.size()) {
            throw new IllegalStateException(
                    "Only " + acknowledged.get() + " of " + records.size() + " records were sent");
        }
    }

    /** The partition of a record with this key (a user's, for events). */
    static int partitionOf(String key, int partitions) {
        return Math.floorMod(key.hashCode(), partitions);
    }

    private void sendAll() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        long startNanos = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records.size() && failure.get() == null; i++) {
                if (perSecond > 0) {
                    long due = startNanos + (long) (i * 1e9 / perSecond);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
                Record record = records.get(i);
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                partitionOf(record.key(), partitions),
                                record.key().getBytes(StandardCharsets.UTF_8),
                                record.value()),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            } else {
                                acknowledged.incrementAndGet();
                            }
                        });
            }
            producer.flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
