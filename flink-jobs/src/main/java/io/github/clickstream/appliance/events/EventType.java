package io.github.clickstream.appliance.events;

import java.util.HashMap;
import java.util.Map;

/** What a shopper did. The wire name is the lower-case form used in the JSON events. */
public enum EventType {
    VIEW("view"),
    CART("cart"),
    REMOVE_FROM_CART("remove_from_cart"),
    PURCHASE("purchase"),
    SEARCH("search"),
    FAVOURITE("favourite"),
    /** A cancelled or returned purchase (UCI Online Retail's "C" invoices). */
    REFUND("refund");

    private static final Map<String, EventType> BY_WIRE_NAME = new HashMap<>();

    static {
        for (EventType type : values()) {
            BY_WIRE_NAME.put(type.wireName, type);
        }
    }

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The type for a wire name, or null when there is none. */
    public static EventType fromWireName(String name) {
        return BY_WIRE_NAME.get(name);
    }

    /** Events about one item; they must name it. */
    public boolean needsItem() {
        return this != SEARCH;
    }
}
