package io.github.clickstream.appliance.scoring;

import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a record of the models topic as a {@link ModelUpdate}: the key names the slot, the value is
 * the PMML document. Nothing is checked here; validation refuses bad ones downstream, where it can
 * be logged and counted without failing the source.
 */
public final class ModelUpdateDeserializer
        implements KafkaRecordDeserializationSchema<ModelUpdate> {

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ModelUpdate> out) {
        String slot =
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        byte[] pmml = record.value() == null ? new byte[0] : record.value();
        out.collect(
                new ModelUpdate(
                        slot,
                        pmml,
                        record.topic() + "-" + record.partition() + "@" + record.offset()));
    }

    @Override
    public TypeInformation<ModelUpdate> getProducedType() {
        return TypeInformation.of(ModelUpdate.class);
    }
}
