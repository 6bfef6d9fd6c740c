package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.InvalidEventException;

/** Turns one CSV row of a public dataset into a canonical event, or says why it cannot. */
interface RowAdapter {

    /** Whether the file's first row is a header to skip. */
    boolean hasHeader();

    ClickEvent adapt(String[] row) throws InvalidEventException;
}
