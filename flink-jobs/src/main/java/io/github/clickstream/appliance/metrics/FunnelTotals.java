package io.github.clickstream.appliance.metrics;

/**
 * Running totals of one funnel bucket. A session's contribution is added with sign +1 and taken
 * back with -1, so an update costs the same whatever the bucket's size.
 */
public class FunnelTotals {

    public String bucketSize;
    public long bucketStart;
    public String dimension;
    public String dimensionValue;

    /** Changed since the bucket was last emitted. */
    public boolean dirty;

    public long activeUsers;
    public long sessions;
    public long viewSessions;
    public long cartSessions;
    public long purchaseSessions;
    public long orders;
    public long revenueCents;
    public long abandonedSessions;

    public FunnelTotals() {}

    void add(FunnelUpdate session, int sign) {
        sessions += sign;
        viewSessions += session.viewed() ? sign : 0;
        cartSessions += session.carted() ? sign : 0;
        purchaseSessions += session.orders() > 0 ? sign : 0;
        orders += (long) sign * session.orders();
        revenueCents += sign * session.revenueCents();
        abandonedSessions += session.abandoned() ? sign : 0;
    }

    static FunnelTotals of(FunnelUpdate bucket) {
        FunnelTotals totals = new FunnelTotals();
        totals.bucketSize = bucket.bucketSize();
        totals.bucketStart = bucket.bucketStart();
        totals.dimension = bucket.dimension();
        totals.dimensionValue = bucket.dimensionValue();
        return totals;
    }

    FunnelMetric toMetric(String bucketId) {
        return new FunnelMetric(
                bucketId,
                bucketSize,
                bucketStart,
                dimension,
                dimensionValue,
                activeUsers,
                sessions,
                viewSessions,
                cartSessions,
                purchaseSessions,
                orders,
                revenueCents,
                abandonedSessions);
    }
}
