package io.github.clickstream.appliance.features;

import io.github.clickstream.appliance.sessions.Money;
import io.github.clickstream.appliance.sessions.SessionSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * What a user's sessions contributed once they left the feature window: lifetime counts and the
 * items they touched. Keeping these totals instead of the sessions bounds the state per user.
 */
public class LifetimeTotals {

    public long firstSeen = Long.MAX_VALUE;
    public long lastSeen = Long.MIN_VALUE;
    public long lastPurchaseAt = Long.MIN_VALUE;
    public int sessions;
    public int orders;
    public long revenueCents;

    /** Most recent first. */
    public List<String> recentItems = new ArrayList<>();

    public LifetimeTotals() {}

    void absorb(SessionSummary session, int recentItemLimit) {
        firstSeen = Math.min(firstSeen, session.start());
        lastSeen = Math.max(lastSeen, session.end());
        if (session.lastPurchaseAt() != null) {
            lastPurchaseAt = Math.max(lastPurchaseAt, session.lastPurchaseAt());
        }
        sessions++;
        orders += session.purchases();
        revenueCents += Money.cents(session.revenue());
        recentItems = RecentItems.merge(session.recentItems(), recentItems, recentItemLimit);
    }
}
