package io.github.clickstream.appliance.events;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Wraps each Kafka record as a {@link RawEvent} without parsing it: parsing happens in the
 * pipeline, where a bad payload becomes a dead letter instead of failing the source. The source
 * name (topic-partition@offset) makes dead-letter ids deterministic across replays.
 */
public class RawEventDeserializer implements KafkaRecordDeserializationSchema<RawEvent> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawEvent> out) {
        out.collect(
                new RawEvent(
                        record.value(),
                        record.topic() + "-" + record.partition() + "@" + record.offset(),
                        record.timestamp()));
    }

    @Override
    public TypeInformation<RawEvent> getProducedType() {
        return TypeInformation.of(RawEvent.class);
    }
}
