package io.github.clickstream.appliance.metrics;

/**
 * One session's contribution to one funnel bucket (a time bucket and a dimension value), or its
 * withdrawal ({@code retract}) when a late event merged that session into another one.
 */
public record FunnelUpdate(
        String bucketSize,
        long bucketStart,
        String dimension,
        String dimensionValue,
        String sessionId,
        String userId,
        boolean viewed,
        boolean carted,
        int orders,
        long revenueCents,
        boolean abandoned,
        boolean retract) {

    /** Deterministic document id: metric, bucket and dimension value. */
    public String bucketId() {
        return "funnel:" + bucketSize + ":" + bucketStart + ":" + dimension + ":" + dimensionValue;
    }
}
