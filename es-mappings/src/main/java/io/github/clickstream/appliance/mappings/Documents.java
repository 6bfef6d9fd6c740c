package io.github.clickstream.appliance.mappings;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration for Elasticsearch documents: snake_case field names, {@code
 * Instant} as ISO-8601 strings, absent (null) fields left out so partial updates never erase fields
 * another writer owns, and Jackson's fast floating-point reader and writer: documents carry
 * 64-float vectors, and the JDK's own parsing of such numbers took a third of what the search API
 * allocated per recommendation.
 */
public final class Documents {

    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .serializationInclusion(JsonInclude.Include.NON_NULL)
                    .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                    .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                    .build();

    private Documents() {}

    /** Shared and thread safe; callers must not reconfigure it. */
    public static ObjectMapper objectMapper() {
        return MAPPER;
    }
}
