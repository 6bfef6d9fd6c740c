package io.github.clickstream.appliance.bench;

/**
 * An event as a plain record for the Jackson databind baseline: the wire fields as they are, the
 * timestamp left as text, no validation.
 */
public record JacksonEvent(
        String eventId,
        String userId,
        String eventType,
        String itemId,
        String categoryId,
        String categoryCode,
        String brand,
        Double price,
        Integer quantity,
        String query,
        String experiment,
        String variant,
        String ts) {}
