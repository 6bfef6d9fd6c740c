package io.github.clickstream.appliance.events;

import java.time.Instant;

/**
 * The fields of one JSON event as read, before the cross-field rules (which fields each event type
 * needs) are checked. Mutable and reused per parse; not shared between threads.
 */
final class EventFields {

    String eventId;
    String userId;
    String eventType;
    String itemId;
    String categoryId;
    String categoryCode;
    String brand;
    Double price;
    Integer quantity;
    String query;
    String experiment;
    String variant;
    Long timestamp;

    ClickEvent toEvent(long nowMillis, ParserLimits limits) throws InvalidEventException {
        require(eventId, "event_id");
        require(userId, "user_id");
        require(eventType, "event_type");
        require(timestamp, "ts");
        EventType type = EventType.fromWireName(eventType);
        if (type == null) {
            throw new InvalidEventException(
                    DeadLetterReason.UNKNOWN_EVENT_TYPE,
                    "unknown event_type '" + abbreviate(eventType) + "'");
        }
        if (type.needsItem()) {
            require(itemId, "item_id");
        }
        if (type == EventType.SEARCH) {
            require(query, "query");
        }
        if (type == EventType.PURCHASE && limits.purchaseNeedsPrice()) {
            require(price, "price");
        }
        long skew = limits.maxFutureSkew().toMillis();
        long latest = nowMillis > Long.MAX_VALUE - skew ? Long.MAX_VALUE : nowMillis + skew;
        if (timestamp > latest) {
            throw new InvalidEventException(
                    DeadLetterReason.FUTURE_TIMESTAMP,
                    "ts "
                            + Instant.ofEpochMilli(timestamp)
                            + " is more than "
                            + limits.maxFutureSkew()
                            + " ahead of the clock ("
                            + Instant.ofEpochMilli(nowMillis)
                            + ")");
        }
        return new ClickEvent(
                eventId,
                userId,
                type,
                itemId,
                categoryId,
                categoryCode,
                brand,
                price,
                quantity,
                query,
                experiment,
                variant,
                timestamp);
    }

    private static void require(Object value, String field) throws InvalidEventException {
        if (value == null) {
            throw new InvalidEventException(DeadLetterReason.MISSING_FIELD, field + " is missing");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
