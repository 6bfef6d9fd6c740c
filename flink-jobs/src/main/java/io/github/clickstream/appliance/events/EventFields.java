package io.github.clickstream.appliance.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

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
        if (timestamp == null) {
            throw new InvalidEventException(DeadLetterReason.MISSING_FIELD, "ts is missing");
        }
        EventType type = EventType.fromWireName(eventType);
        if (type == null) {
            throw new InvalidEventException(
                    DeadLetterReason.UNKNOWN_EVENT_TYPE, "unknown event_type '" + eventType + "'");
        }
        if (type.needsItem()) {
            require(itemId, "item_id");
        }
        if (type == EventType.SEARCH) {
            require(query, "query");
        }
        if (timestamp > nowMillis + limits.maxFutureSkew().toMillis()) {
            throw new InvalidEventException(
                    DeadLetterReason.FUTURE_TIMESTAMP,
                    "ts " + Instant.ofEpochMilli(timestamp) + " is in the future");
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

    private static void require(String value, String field) throws InvalidEventException {
        if (value == null) {
            throw new InvalidEventException(DeadLetterReason.MISSING_FIELD, field + " is missing");
        }
    }

    /** ISO-8601 with zone or offset, e.g. 2017-11-26T01:00:00Z or ...+08:00. */
    static long parseIsoTimestamp(String text) throws InvalidEventException {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_TIMESTAMP,
                    "ts '" + abbreviate(text) + "' is not ISO-8601");
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
