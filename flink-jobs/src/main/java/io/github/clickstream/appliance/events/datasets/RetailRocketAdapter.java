package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.InvalidEventException;

/**
 * RetailRocket events: {@code timestamp,visitorid,event,itemid,transactionid}, timestamp in epoch
 * milliseconds; view/addtocart/transaction become view/cart/purchase. Categories and prices live in
 * the dataset's separate item-properties files, so these events carry neither.
 */
final class RetailRocketAdapter implements RowAdapter {

    @Override
    public boolean hasHeader() {
        return true;
    }

    @Override
    public ClickEvent adapt(String[] row) throws InvalidEventException {
        long millis = Rows.longValue(row, 0, "timestamp", DeadLetterReason.INVALID_TIMESTAMP);
        String visitor = Rows.required(row, 1, "visitorid");
        String event = Rows.required(row, 2, "event");
        String item = Rows.required(row, 3, "itemid");
        EventType type =
                switch (event) {
                    case "view" -> EventType.VIEW;
                    case "addtocart" -> EventType.CART;
                    case "transaction" -> EventType.PURCHASE;
                    default ->
                            throw new InvalidEventException(
                                    DeadLetterReason.UNKNOWN_EVENT_TYPE,
                                    "unknown event '" + event + "'");
                };
        return new ClickEvent(
                "rr-" + visitor + "-" + item + "-" + millis + "-" + event,
                visitor,
                type,
                item,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                millis);
    }
}
