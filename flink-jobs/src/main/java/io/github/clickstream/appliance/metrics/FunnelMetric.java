package io.github.clickstream.appliance.metrics;

/** The totals of one funnel bucket after an update; written to {@code metrics-YYYY.MM}. */
public record FunnelMetric(
        String id,
        String bucketSize,
        long bucketStart,
        String dimension,
        String dimensionValue,
        long activeUsers,
        long sessions,
        long viewSessions,
        long cartSessions,
        long purchaseSessions,
        long orders,
        long revenueCents,
        long abandonedSessions) {

    public Double conversionRate() {
        return sessions == 0 ? null : (double) purchaseSessions / sessions;
    }

    public Double cartAbandonmentRate() {
        return cartSessions == 0 ? null : (double) abandonedSessions / cartSessions;
    }
}
