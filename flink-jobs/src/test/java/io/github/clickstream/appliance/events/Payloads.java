package io.github.clickstream.appliance.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** JSON payloads for the parser tests, written out by hand. */
final class Payloads {

    /** The parser's clock in tests. */
    static final long NOW = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();

    private Payloads() {}

    static byte[] bytes(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8);
    }

    static String view(String ts) {
        return "{\"event_id\":\"e1\",\"user_id\":\"u1\",\"event_type\":\"view\",\"item_id\":\"i1\",\"ts\":"
                + ts
                + "}";
    }

    static String purchase(String price) {
        return "{\"event_id\":\"e1\",\"user_id\":\"u1\",\"event_type\":\"purchase\",\"item_id\":\"i1\","
                + "\"price\":"
                + price
                + ",\"quantity\":1,\"ts\":1}";
    }
}
