package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.InvalidEventException;
import java.util.List;
import java.util.Map;

/**
 * RetailRocket events: {@code timestamp,visitorid,event,itemid,transactionid}, timestamp in epoch
 * milliseconds; view/addtocart/transaction become view/cart/purchase. Categories and prices live in
 * the dataset's separate item-properties files, so these events carry neither (a purchase without a
 * price, as with Taobao). Ids are built from content ({@code
 * rr-<visitor>-<item>-<millis>-<event>}).
 */
final class RetailRocketAdapter implements RowAdapter {

    private static final List<String> COLUMNS =
            List.of("timestamp", "visitorid", "event", "itemid", "transactionid");
    private static final Map<String, EventType> EVENTS =
            Map.of(
                    "view", EventType.VIEW,
                    "addtocart", EventType.CART,
                    "transaction", EventType.PURCHASE);

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public ClickEvent adapt(String[] row) throws InvalidEventException {
        long millis = Rows.longValue(row, 0, "timestamp", DeadLetterReason.INVALID_TIMESTAMP);
        String visitor = Rows.required(row, 1, "visitorid");
        EventType type = Rows.eventType(row, 2, "event", EVENTS);
        String item = Rows.required(row, 3, "itemid");
        return ClickEvent.builder(
                        Rows.eventId("rr", visitor, item, millis, row[2].trim()),
                        visitor,
                        type,
                        millis)
                .item(item)
                .build();
    }
}
