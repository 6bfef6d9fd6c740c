package io.github.clickstream.appliance.metrics;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.sessions.Money;

/** Views, carts, purchases and revenue of one item or category in one hour. */
public class ProductCounts {

    public long views;
    public long carts;
    public long purchases;
    public long revenueCents;

    public ProductCounts() {}

    void add(ClickEvent event) {
        switch (event.eventType()) {
            case VIEW -> views++;
            case CART -> carts++;
            case PURCHASE -> {
                purchases++;
                double price = event.price() == null ? 0 : event.price();
                revenueCents +=
                        Money.cents(price * (event.quantity() == null ? 1 : event.quantity()));
            }
            default -> {
                // searches, favourites, removals and refunds are not product funnel steps
            }
        }
    }

    ProductCounts merge(ProductCounts other) {
        views += other.views;
        carts += other.carts;
        purchases += other.purchases;
        revenueCents += other.revenueCents;
        return this;
    }
}
