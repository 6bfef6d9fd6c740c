package io.github.clickstream.appliance.similarity;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;

/**
 * What an item's task learns from: either a co-occurrence with a partner item (from a shopper's
 * history) or one of the item's own events (catalogue fields, popularity counts).
 */
public record ItemSignal(
        String itemId,
        String partnerId,
        double weight,
        EventType eventType,
        String categoryId,
        String categoryCode,
        String brand,
        Double price,
        long timestamp) {

    static ItemSignal cooccurrence(String itemId, String partnerId, double weight, long at) {
        return new ItemSignal(itemId, partnerId, weight, null, null, null, null, null, at);
    }

    static ItemSignal event(ClickEvent e) {
        return new ItemSignal(
                e.itemId(),
                null,
                0,
                e.eventType(),
                e.categoryId(),
                e.categoryCode(),
                e.brand(),
                e.price(),
                e.timestamp());
    }

    boolean isCooccurrence() {
        return partnerId != null;
    }
}
