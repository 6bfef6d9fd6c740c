package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.InvalidEventException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Cell access shared by the adapters: required and optional columns, numbers, times and event
 * names, each failing with the reason code a dead letter should carry.
 */
final class Rows {

    private static final int MAX_QUOTED = 64;

    private Rows() {}

    static String required(String[] row, int index, String name) throws InvalidEventException {
        if (row.length <= index) {
            throw new InvalidEventException(
                    DeadLetterReason.MISSING_FIELD,
                    "row has " + row.length + " columns, " + name + " is missing");
        }
        String value = row[index].trim();
        if (value.isEmpty()) {
            throw new InvalidEventException(DeadLetterReason.MISSING_FIELD, name + " is empty");
        }
        return value;
    }

    static String optional(String[] row, int index) {
        if (row.length <= index) {
            return null;
        }
        String value = row[index].trim();
        return value.isEmpty() ? null : value;
    }

    static long longValue(String[] row, int index, String name, DeadLetterReason reason)
            throws InvalidEventException {
        String value = required(row, index, name);
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidEventException(
                    reason, name + " '" + quote(value) + "' is not a whole number");
        }
    }

    /** A finite number >= 0. */
    static double price(String[] row, int index, String name) throws InvalidEventException {
        String value = required(row, index, name);
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        if (!Double.isFinite(parsed) || parsed < 0) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_PRICE,
                    name + " '" + quote(value) + "' is not a price (a number >= 0)");
        }
        return parsed;
    }

    /**
     * An id that a spreadsheet export turned into a decimal ({@code 17850.0}) back as the whole
     * number it was ({@code 17850}); other ids unchanged.
     */
    static String wholeNumberId(String value) {
        int dot = value.indexOf('.');
        if (dot <= 0 || !digits(value, 0, dot)) {
            return value;
        }
        for (int i = dot + 1; i < value.length(); i++) {
            if (value.charAt(i) != '0') {
                return value;
            }
        }
        return value.substring(0, dot);
    }

    /** A wall-clock time in the dataset's format, taken as UTC; {@code example} is for humans. */
    static long utcMillis(
            String[] row, int index, String name, DateTimeFormatter format, String example)
            throws InvalidEventException {
        String value = required(row, index, name);
        try {
            return LocalDateTime.parse(value, format).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_TIMESTAMP,
                    name + " '" + quote(value) + "' is not a time like " + example);
        }
    }

    /** The canonical type of a dataset's event name. */
    static EventType eventType(String[] row, int index, String name, Map<String, EventType> names)
            throws InvalidEventException {
        String value = required(row, index, name);
        EventType type = names.get(value);
        if (type == null) {
            throw new InvalidEventException(
                    DeadLetterReason.UNKNOWN_EVENT_TYPE,
                    name + " '" + quote(value) + "' is not one of " + names.keySet());
        }
        return type;
    }

    /**
     * A deterministic event id from the row's identifying content, so replaying a file yields the
     * same ids and a repeated row is recognised downstream as a duplicate.
     */
    static String eventId(String prefix, Object... parts) {
        StringBuilder id = new StringBuilder(prefix);
        for (Object part : parts) {
            id.append('-').append(part);
        }
        return id.toString();
    }

    static boolean digits(String value, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static String quote(String value) {
        return value.length() <= MAX_QUOTED ? value : value.substring(0, MAX_QUOTED) + "...";
    }
}
