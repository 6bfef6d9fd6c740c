package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.InvalidEventException;

/** Field access shared by the adapters: required columns, numbers, with reasons on failure. */
final class Rows {

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
                    reason, name + " '" + value + "' is not a whole number");
        }
    }

    static double doubleValue(String[] row, int index, String name, DeadLetterReason reason)
            throws InvalidEventException {
        String value = required(row, index, name);
        try {
            double parsed = Double.parseDouble(value);
            if (!Double.isFinite(parsed)) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidEventException(reason, name + " '" + value + "' is not a number");
        }
    }
}
