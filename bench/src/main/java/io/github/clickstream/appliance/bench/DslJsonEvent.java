package io.github.clickstream.appliance.bench;

import com.dslplatform.json.CompiledJson;
import com.dslplatform.json.JsonAttribute;

/**
 * The same plain record for the DSL-JSON baseline, whose annotation processor generates the reader
 * at compile time: the wire fields as they are, the timestamp left as text, no validation.
 */
@CompiledJson
public record DslJsonEvent(
        @JsonAttribute(name = "event_id") String eventId,
        @JsonAttribute(name = "user_id") String userId,
        @JsonAttribute(name = "event_type") String eventType,
        @JsonAttribute(name = "item_id") String itemId,
        @JsonAttribute(name = "category_id") String categoryId,
        @JsonAttribute(name = "category_code") String categoryCode,
        @JsonAttribute(name = "brand") String brand,
        @JsonAttribute(name = "price") Double price,
        @JsonAttribute(name = "quantity") Integer quantity,
        @JsonAttribute(name = "query") String query,
        @JsonAttribute(name = "experiment") String experiment,
        @JsonAttribute(name = "variant") String variant,
        @JsonAttribute(name = "ts") String ts) {}
