package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.InvalidEventException;
import java.util.List;
import java.util.Map;

/**
 * Alibaba Taobao UserBehavior: {@code user,item,category,behavior,ts}, no header, ts in epoch
 * seconds; pv/cart/fav/buy become view/cart/favourite/purchase. The dataset has no prices, so its
 * purchases have a null price and count as orders with unknown revenue: they are kept rather than
 * rejected, because they are the dataset's whole conversion signal (which is why the JSON parser
 * does not require a purchase price by default either). The event id is built from the row's
 * content ({@code tb-<user>-<item>-<ts>-<behavior>}): with one-second resolution, the same
 * behaviour on the same item in the same second is a double-logged click, so a repeated row is one
 * event and the deduplicator drops the second copy.
 */
final class TaobaoAdapter implements RowAdapter {

    private static final List<String> COLUMNS =
            List.of("user", "item", "category", "behavior", "ts");
    private static final Map<String, EventType> BEHAVIOURS =
            Map.of(
                    "pv", EventType.VIEW,
                    "cart", EventType.CART,
                    "fav", EventType.FAVOURITE,
                    "buy", EventType.PURCHASE);

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public ClickEvent adapt(String[] row) throws InvalidEventException {
        String user = Rows.required(row, 0, "user");
        String item = Rows.required(row, 1, "item");
        String category = Rows.required(row, 2, "category");
        EventType type = Rows.eventType(row, 3, "behavior", BEHAVIOURS);
        long seconds = Rows.longValue(row, 4, "ts", DeadLetterReason.INVALID_TIMESTAMP);
        long millis;
        try {
            millis = Math.multiplyExact(seconds, 1000L);
        } catch (ArithmeticException e) {
            throw new InvalidEventException(
                    DeadLetterReason.INVALID_TIMESTAMP, "ts " + seconds + " is out of range");
        }
        return ClickEvent.builder(
                        Rows.eventId("tb", user, item, seconds, row[3].trim()), user, type, millis)
                .item(item)
                .category(category, null)
                .build();
    }
}
