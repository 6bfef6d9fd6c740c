package io.github.clickstream.appliance.metrics;

import io.github.clickstream.appliance.events.ClickEvent;

/** An event seen under one product dimension: its item, or its category. */
public record ProductEvent(String dimension, String dimensionValue, ClickEvent event) {

    public String key() {
        return dimension + ":" + dimensionValue;
    }
}
