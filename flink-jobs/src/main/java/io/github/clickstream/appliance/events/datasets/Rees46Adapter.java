package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.InvalidEventException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * REES46 multi-category store: {@code
 * event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session} with
 * times like {@code 2019-10-01 00:00:00 UTC}. The dataset's own session ids are ignored: the
 * pipeline sessionizes by its own gap rule.
 */
final class Rees46Adapter implements RowAdapter {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");

    @Override
    public boolean hasHeader() {
        return true;
    }

    @Override
    public ClickEvent adapt(String[] row) throws InvalidEventException {
        String time = Rows.required(row, 0, "event_time");
        String typeName = Rows.required(row, 1, "event_type");
        String product = Rows.required(row, 2, "product_id");
        String user = Rows.required(row, 7, "user_id");
        EventType type = EventType.fromWireName(typeName);
        if (type == null || type == EventType.SEARCH || type == EventType.REFUND) {
            throw new InvalidEventException(
                    DeadLetterReason.UNKNOWN_EVENT_TYPE, "unknown event_type '" + typeName + "'");
        }
        double price = Rows.doubleValue(row, 6, "price", DeadLetterReason.INVALID_PRICE);
        if (price < 0) {
            throw new InvalidEventException(DeadLetterReason.INVALID_PRICE, "negative price");
        }
        long millis;
        try {
            millis = LocalDateTime.parse(time, TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_TIMESTAMP, "event_time '" + time + "' unreadable");
        }
        return new ClickEvent(
                "r46-" + user + "-" + product + "-" + millis + "-" + typeName,
                user,
                type,
                product,
                Rows.optional(row, 3),
                Rows.optional(row, 4),
                Rows.optional(row, 5),
                price,
                null,
                null,
                null,
                null,
                millis);
    }
}
