package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.InvalidEventException;
import java.util.List;

/** Turns one CSV row of a public dataset into a canonical event, or says why it cannot. */
interface RowAdapter {

    /** The dataset's columns in file order, as its header names them. */
    List<String> columns();

    /**
     * Whether a row is the header rather than data: its first cell is the first column's name.
     * Decided per row, not by position, so files with and without a header both work.
     */
    default boolean isHeader(String[] row) {
        return row.length > 0 && row[0].trim().equalsIgnoreCase(columns().get(0));
    }

    /** The event, or an exception whose reason code says why the row is not one. */
    ClickEvent adapt(String[] row) throws InvalidEventException;
}
