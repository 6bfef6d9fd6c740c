package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.InvalidEventException;

/**
 * Alibaba Taobao UserBehavior: {@code user,item,category,behavior,ts}, no header, ts in epoch
 * seconds; pv/cart/fav/buy become view/cart/favourite/purchase. The dataset has no prices, so its
 * purchases count as orders without revenue. The event id is built from the row's content, so a
 * line that appears twice is one event and the second copy is dropped as a duplicate.
 */
final class TaobaoAdapter implements RowAdapter {

    @Override
    public boolean hasHeader() {
        return false;
    }

    @Override
    public ClickEvent adapt(String[] row) throws InvalidEventException {
        String user = Rows.required(row, 0, "user");
        String item = Rows.required(row, 1, "item");
        String category = Rows.required(row, 2, "category");
        String behavior = Rows.required(row, 3, "behavior");
        long seconds = Rows.longValue(row, 4, "ts", DeadLetterReason.INVALID_TIMESTAMP);
        EventType type =
                switch (behavior) {
                    case "pv" -> EventType.VIEW;
                    case "cart" -> EventType.CART;
                    case "fav" -> EventType.FAVOURITE;
                    case "buy" -> EventType.PURCHASE;
                    default ->
                            throw new InvalidEventException(
                                    DeadLetterReason.UNKNOWN_EVENT_TYPE,
                                    "unknown behavior '" + behavior + "'");
                };
        return new ClickEvent(
                "tb-" + user + "-" + item + "-" + seconds + "-" + behavior,
                user,
                type,
                item,
                category,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                seconds * 1000);
    }
}
