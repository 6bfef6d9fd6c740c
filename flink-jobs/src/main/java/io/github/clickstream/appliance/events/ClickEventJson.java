package io.github.clickstream.appliance.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/** Writes events in the JSON wire format that {@link ClickEventParser} reads (ts as ISO-8601). */
public final class ClickEventJson {

    private static final JsonFactory JSON = new JsonFactory();

    private ClickEventJson() {}

    public static byte[] toJson(ClickEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("event_id", event.eventId());
            json.writeStringField("user_id", event.userId());
            json.writeStringField("event_type", event.eventType().wireName());
            optional(json, "item_id", event.itemId());
            optional(json, "category_id", event.categoryId());
            optional(json, "category_code", event.categoryCode());
            optional(json, "brand", event.brand());
            if (event.price() != null) {
                json.writeNumberField("price", event.price());
            }
            if (event.quantity() != null) {
                json.writeNumberField("quantity", event.quantity());
            }
            optional(json, "query", event.query());
            optional(json, "experiment", event.experiment());
            optional(json, "variant", event.variant());
            json.writeStringField("ts", Instant.ofEpochMilli(event.timestamp()).toString());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen writing to memory
        }
        return out.toByteArray();
    }

    private static void optional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }
}
