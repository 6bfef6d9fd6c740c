package io.github.clickstream.appliance.metrics;

/** One item's or category's counts in one hour; written to {@code metrics-YYYY.MM}. */
public record ProductMetric(
        long bucketStart,
        String dimension,
        String dimensionValue,
        long views,
        long carts,
        long purchases,
        long revenueCents) {

    public String id() {
        return "product:1h:" + bucketStart + ":" + dimension + ":" + dimensionValue;
    }
}
