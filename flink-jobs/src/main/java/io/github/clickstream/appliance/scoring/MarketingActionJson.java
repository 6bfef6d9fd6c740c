package io.github.clickstream.appliance.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.mappings.Documents;
import org.apache.flink.api.common.serialization.SerializationSchema;

/** A marketing action as the JSON campaign tools read (snake_case, like the documents). */
public final class MarketingActionJson implements SerializationSchema<MarketingAction> {

    private transient ObjectMapper mapper;

    @Override
    public byte[] serialize(MarketingAction action) {
        if (mapper == null) {
            mapper = Documents.objectMapper();
        }
        try {
            return mapper.writeValueAsBytes(action);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a marketing action always serializes", e);
        }
    }
}
