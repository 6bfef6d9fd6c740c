package io.github.clickstream.appliance.sessions;

import io.github.clickstream.appliance.events.ClickEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The running totals of one session while its window is open. A mutable Flink POJO because the
 * window keeps it as aggregating state and merges two of them when a late event bridges sessions;
 * every field is order-independent (counts, sums, min/max by time) so merging in any order gives
 * the same session.
 */
public class SessionAccumulator {

    public String userId;
    public long start = Long.MAX_VALUE;
    public long end = Long.MIN_VALUE;
    public int views;
    public int carts;
    public int removes;
    public int purchases;
    public int searches;
    public int favourites;
    public int refunds;

    /** In cents: whole numbers add up the same in any order, doubles do not. */
    public long revenueCents;

    /** Item id to the time it was first and last touched in this session. */
    public Map<String, Long> itemFirstSeen = new HashMap<>();

    public Map<String, Long> itemLastSeen = new HashMap<>();

    /** Category id to the number of events in it. */
    public Map<String, Integer> categoryEvents = new HashMap<>();

    public long lastPurchaseAt = Long.MIN_VALUE;
    public String experiment;
    public String variant;
    public long experimentSeenAt = Long.MAX_VALUE;

    public SessionAccumulator() {}

    void add(ClickEvent event) {
        userId = event.userId();
        start = Math.min(start, event.timestamp());
        end = Math.max(end, event.timestamp());
        countType(event);
        if (event.itemId() != null) {
            itemFirstSeen.merge(event.itemId(), event.timestamp(), Math::min);
            itemLastSeen.merge(event.itemId(), event.timestamp(), Math::max);
        }
        if (event.categoryId() != null) {
            categoryEvents.merge(event.categoryId(), 1, Integer::sum);
        }
        if (event.experiment() != null && event.timestamp() < experimentSeenAt) {
            experiment = event.experiment();
            variant = event.variant();
            experimentSeenAt = event.timestamp();
        }
    }

    private void countType(ClickEvent event) {
        switch (event.eventType()) {
            case VIEW -> views++;
            case CART -> carts++;
            case REMOVE_FROM_CART -> removes++;
            case PURCHASE -> {
                purchases++;
                revenueCents += Money.cents(amount(event));
                lastPurchaseAt = Math.max(lastPurchaseAt, event.timestamp());
            }
            case REFUND -> {
                refunds++;
                revenueCents -= Money.cents(amount(event));
            }
            case SEARCH -> searches++;
            case FAVOURITE -> favourites++;
        }
    }

    private static double amount(ClickEvent event) {
        double price = event.price() == null ? 0.0 : event.price();
        int quantity = event.quantity() == null ? 1 : Math.abs(event.quantity());
        return price * quantity;
    }

    SessionAccumulator mergeFrom(SessionAccumulator other) {
        if (userId == null) {
            userId = other.userId;
        }
        start = Math.min(start, other.start);
        end = Math.max(end, other.end);
        views += other.views;
        carts += other.carts;
        removes += other.removes;
        purchases += other.purchases;
        searches += other.searches;
        favourites += other.favourites;
        refunds += other.refunds;
        revenueCents += other.revenueCents;
        lastPurchaseAt = Math.max(lastPurchaseAt, other.lastPurchaseAt);
        other.itemFirstSeen.forEach((item, ts) -> itemFirstSeen.merge(item, ts, Math::min));
        other.itemLastSeen.forEach((item, ts) -> itemLastSeen.merge(item, ts, Math::max));
        other.categoryEvents.forEach((c, n) -> categoryEvents.merge(c, n, Integer::sum));
        if (other.experimentSeenAt < experimentSeenAt) {
            experiment = other.experiment;
            variant = other.variant;
            experimentSeenAt = other.experimentSeenAt;
        }
        return this;
    }

    int eventCount() {
        return views + carts + removes + purchases + searches + favourites + refunds;
    }
}
