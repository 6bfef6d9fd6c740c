package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Fills a topic with a generated shop's events as JSON (the wire format the job reads), keyed by
 * user, before any clock starts; returns once Kafka has acknowledged every event.
 */
final class TopicLoader {

    private TopicLoader() {}

    /** The number of events written. */
    static long load(BenchKafka kafka, String topic, int partitions, GeneratorConfig shop) {
        kafka.createTopic(topic, partitions);
        AtomicReference<Exception> failure = new AtomicReference<>();
        long count = 0;
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            ClickstreamGenerator generator = new ClickstreamGenerator(shop);
            while (generator.hasNext()) {
                ClickEvent event = generator.next();
                producer.send(
                        new ProducerRecord<>(topic, event.userId(), ClickEventJson.toJson(event)),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
                count++;
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(
                    "Kafka refused events for topic " + topic, failure.get());
        }
        return count;
    }
}
