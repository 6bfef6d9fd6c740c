package io.github.clickstream.appliance.events;

/**
 * One validated clickstream event, the pipeline's canonical form. Optional fields are null when
 * absent; {@code timestamp} is event time in epoch milliseconds. A record of plain fields (strings,
 * boxed numbers, an enum, a long) so Flink serializes it with its record serializer, never Kryo.
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
        long timestamp) {

    /** Starts an event from its required fields; the optional ones default to null. */
    public static Builder builder(String eventId, String userId, EventType type, long timestamp) {
        return new Builder(eventId, userId, type, timestamp);
    }

    /** The same event under another id. */
    public ClickEvent withEventId(String id) {
        return with(id, userId, timestamp);
    }

    /** The same event under another id, of another user, at another time (replays, load). */
    public ClickEvent with(String id, String user, long at) {
        return new ClickEvent(
                id,
                user,
                eventType,
                itemId,
                categoryId,
                categoryCode,
                brand,
                price,
                quantity,
                query,
                experiment,
                variant,
                at);
    }

    /** Names the optional fields instead of passing a row of nulls by position. */
    public static final class Builder {
        private final String eventId;
        private final String userId;
        private final EventType eventType;
        private final long timestamp;
        private String itemId;
        private String categoryId;
        private String categoryCode;
        private String brand;
        private Double price;
        private Integer quantity;
        private String query;
        private String experiment;
        private String variant;

        private Builder(String eventId, String userId, EventType eventType, long timestamp) {
            this.eventId = eventId;
            this.userId = userId;
            this.eventType = eventType;
            this.timestamp = timestamp;
        }

        public Builder item(String itemId) {
            this.itemId = itemId;
            return this;
        }

        public Builder category(String categoryId, String categoryCode) {
            this.categoryId = categoryId;
            this.categoryCode = categoryCode;
            return this;
        }

        public Builder brand(String brand) {
            this.brand = brand;
            return this;
        }

        public Builder price(Double price) {
            this.price = price;
            return this;
        }

        public Builder quantity(Integer quantity) {
            this.quantity = quantity;
            return this;
        }

        public Builder query(String query) {
            this.query = query;
            return this;
        }

        public Builder experiment(String experiment, String variant) {
            this.experiment = experiment;
            this.variant = variant;
            return this;
        }

        public ClickEvent build() {
            return new ClickEvent(
                    eventId,
                    userId,
                    eventType,
                    itemId,
                    categoryId,
                    categoryCode,
                    brand,
                    price,
                    quantity,
                    query,
                    experiment,
                    variant,
                    timestamp);
        }
    }
}
