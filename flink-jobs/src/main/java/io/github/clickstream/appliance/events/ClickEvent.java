package io.github.clickstream.appliance.events;

/**
 * One validated clickstream event, the pipeline's canonical form. Optional fields are null when
 * absent; {@code timestamp} is event time in epoch milliseconds. A record of plain fields so Flink
 * serializes it without Kryo.
 */
public record ClickEvent(
        String eventId,
        String userId,
        EventType eventType,
        String itemId,
        String categoryId,
        String categoryCode,
        String brand,
        Double price,
        Integer quantity,
        String query,
        String experiment,
        String variant,
        long timestamp) {}
