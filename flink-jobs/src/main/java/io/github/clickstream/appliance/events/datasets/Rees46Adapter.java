package io.github.clickstream.appliance.events.datasets;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.InvalidEventException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * REES46 multi-category store: {@code
 * event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session} with
 * times like {@code 2019-10-01 00:00:00 UTC}; its event types are already the canonical
 * view/cart/remove_from_cart/purchase. The dataset's own session ids are ignored: the pipeline
 * sessionizes by its own gap rule. Ids are built from content ({@code
 * r46-<user>-<product>-<millis>-<type>}), so repeated rows count once.
 */
final class Rees46Adapter implements RowAdapter {

    private static final List<String> COLUMNS =
            List.of(
                    "event_time",
                    "event_type",
                    "product_id",
                    "category_id",
                    "category_code",
                    "brand",
                    "price",
                    "user_id",
                    "user_session");
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'");
    private static final Map<String, EventType> TYPES =
            Map.of(
                    "view", EventType.VIEW,
                    "cart", EventType.CART,
                    "remove_from_cart", EventType.REMOVE_FROM_CART,
                    "purchase", EventType.PURCHASE);

    @Override
    public List<String> columns() {
        return COLUMNS;
    }

    @Override
    public ClickEvent adapt(String[] row) throws InvalidEventException {
        long millis = Rows.utcMillis(row, 0, "event_time", TIME, "2019-10-01 00:00:00 UTC");
        EventType type = Rows.eventType(row, 1, "event_type", TYPES);
        String product = Rows.required(row, 2, "product_id");
        double price = Rows.price(row, 6, "price");
        String user = Rows.required(row, 7, "user_id");
        return ClickEvent.builder(
                        Rows.eventId("r46", user, product, millis, type.wireName()),
                        user,
                        type,
                        millis)
                .item(product)
                .category(Rows.optional(row, 3), Rows.optional(row, 4))
                .brand(Rows.optional(row, 5))
                .price(price)
                .build();
    }
}
