package io.github.clickstream.appliance.erasure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an erasure record: the key is the user id; the value {@code {"user_id", "requested_at"}}
 * may repeat it (it must then agree) and gives the time of the request. A null value (a plain Kafka
 * tombstone) is accepted too, with the record's timestamp as the request time, so erasures written
 * by other tools are honoured. A record without a usable user id is logged and skipped: there is
 * nobody to erase, and it must not stop the job.
 */
public class ErasureDeserializer implements KafkaRecordDeserializationSchema<Erasure> {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureDeserializer.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<Erasure> out) {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        if (record.key() == null || record.key().length == 0) {
            LOG.warn("Erasure record {} has no key (the user id); skipped", where);
            return;
        }
        String userId = new String(record.key(), StandardCharsets.UTF_8);
        if (record.value() == null) {
            out.collect(new Erasure(userId, record.timestamp()));
            return;
        }
        try {
            JsonNode value = JSON.readTree(record.value());
            String named = value.path("user_id").asText(userId);
            if (!named.equals(userId)) {
                LOG.warn("Erasure record {}: key and user_id disagree; skipped", where);
                return;
            }
            long requestedAt =
                    value.hasNonNull("requested_at")
                            ? Instant.parse(value.get("requested_at").asText()).toEpochMilli()
                            : record.timestamp();
            out.collect(new Erasure(userId, requestedAt));
        } catch (IOException | DateTimeParseException e) {
            // The key alone says whom to forget; a garbled value must not keep them alive.
            LOG.warn("Erasure record {} has an unreadable value; erasing by key", where);
            out.collect(new Erasure(userId, record.timestamp()));
        }
    }

    @Override
    public TypeInformation<Erasure> getProducedType() {
        return TypeInformation.of(Erasure.class);
    }
}
