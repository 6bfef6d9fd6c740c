package io.github.clickstream.appliance.events;

import io.github.clickstream.appliance.sink.SinkDocuments;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** Dead letters on the Kafka topic look exactly like their Elasticsearch documents. */
public class DeadLetterJson implements SerializationSchema<DeadLetter> {

    @Override
    public byte[] serialize(DeadLetter deadLetter) {
        return SinkDocuments.deadLetter(deadLetter).json().getBytes(StandardCharsets.UTF_8);
    }
}
