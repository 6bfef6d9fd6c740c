package io.github.clickstream.appliance.events;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Click events as Kafka records keyed by user id, so that one user's events stay in order on one
 * partition, as the job expects of the clickstream topic.
 */
public final class UserKeyedRecords {

    private UserKeyedRecords() {}

    public static ProducerRecord<byte[], byte[]> of(String topic, ClickEvent event) {
        return new ProducerRecord<>(
                topic,
                event.userId().getBytes(StandardCharsets.UTF_8),
                ClickEventJson.toJson(event));
    }

    public static List<ProducerRecord<byte[], byte[]>> of(String topic, List<ClickEvent> events) {
        return events.stream().map(event -> of(topic, event)).toList();
    }
}
