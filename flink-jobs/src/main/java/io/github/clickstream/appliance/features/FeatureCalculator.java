package io.github.clickstream.appliance.features;

import io.github.clickstream.appliance.sessions.Money;
import io.github.clickstream.appliance.sessions.SessionSummary;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes {@link UserFeatures} from a user's recent sessions and the totals of older ones. A pure
 * function of its inputs and {@code asOf}, so streaming, batch and the training table agree.
 */
public final class FeatureCalculator {

    private static final double DAY_MILLIS = 86_400_000.0;

    private final FeatureWindows windows;

    public FeatureCalculator(FeatureWindows windows) {
        this.windows = windows;
    }

    /** Sessions that started more than the long window before {@code asOf} belong in totals. */
    public boolean outsideWindow(SessionSummary session, long asOf) {
        return session.start() <= asOf - windows.longWindow().toMillis();
    }

    public UserFeatures snapshot(
            String userId, LifetimeTotals older, Collection<SessionSummary> recent, long asOf) {
        long shortFrom = asOf - windows.shortWindow().toMillis();
        long longFrom = asOf - windows.longWindow().toMillis();
        List<SessionSummary> inLong =
                recent.stream().filter(s -> s.start() > longFrom && s.start() <= asOf).toList();
        long firstSeen = older.firstSeen;
        long lastSeen = older.lastSeen;
        long lastPurchase = older.lastPurchaseAt;
        int ordersLifetime = older.orders;
        long revenueLifetimeCents = older.revenueCents;
        for (SessionSummary s : recent) {
            firstSeen = Math.min(firstSeen, s.start());
            lastSeen = Math.max(lastSeen, s.end());
            if (s.lastPurchaseAt() != null) {
                lastPurchase = Math.max(lastPurchase, s.lastPurchaseAt());
            }
            ordersLifetime += s.purchases();
            revenueLifetimeCents += Money.cents(s.revenue());
        }
        Totals30d t = Totals30d.of(inLong);
        double revenueLifetime = Money.fromCents(revenueLifetimeCents);
        Long lastPurchaseAt = lastPurchase == Long.MIN_VALUE ? null : lastPurchase;
        return new UserFeatures(
                userId,
                asOf,
                firstSeen,
                lastSeen,
                lastPurchaseAt,
                (asOf - lastSeen) / DAY_MILLIS,
                lastPurchaseAt == null ? null : (asOf - lastPurchaseAt) / DAY_MILLIS,
                (int) inLong.stream().filter(s -> s.start() > shortFrom).count(),
                inLong.size(),
                t.purchases,
                ordersLifetime,
                Money.fromCents(t.revenueCents),
                revenueLifetime,
                ratio(revenueLifetime, ordersLifetime),
                ratio(t.carts, t.views),
                ratio(t.purchases, t.carts),
                ratio(t.abandonedSessions, t.cartSessions),
                ratio(t.durationMillis / 1000.0, inLong.size()),
                ratio(t.events, inLong.size()),
                t.categoryEvents.size(),
                favourite(t.categoryEvents),
                recentItems(older, recent));
    }

    private List<String> recentItems(LifetimeTotals older, Collection<SessionSummary> recent) {
        List<SessionSummary> oldestFirst =
                recent.stream()
                        .sorted(
                                Comparator.comparingLong(SessionSummary::end)
                                        .thenComparing(
                                                SessionSummary::sessionId,
                                                Comparator.naturalOrder()))
                        .toList();
        List<String> merged = older.recentItems;
        for (SessionSummary s : oldestFirst) {
            merged = RecentItems.merge(s.recentItems(), merged, windows.recentItemLimit());
        }
        return List.copyOf(merged);
    }

    private static Double ratio(double numerator, double denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    /** Most events; ties go to the smallest category id so the result never depends on order. */
    private static String favourite(Map<String, Integer> categoryEvents) {
        return categoryEvents.entrySet().stream()
                .min(
                        Map.Entry.<String, Integer>comparingByValue()
                                .reversed()
                                .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** Sums over the sessions in the long window. */
    private static final class Totals30d {
        int views;
        int carts;
        int purchases;
        int events;
        int cartSessions;
        int abandonedSessions;
        long revenueCents;
        long durationMillis;
        final Map<String, Integer> categoryEvents = new HashMap<>();

        static Totals30d of(List<SessionSummary> sessions) {
            Totals30d t = new Totals30d();
            for (SessionSummary s : sessions) {
                t.views += s.views();
                t.carts += s.carts();
                t.purchases += s.purchases();
                t.events += s.eventCount();
                t.revenueCents += Money.cents(s.revenue());
                t.durationMillis += s.end() - s.start();
                if (s.carts() > 0) {
                    t.cartSessions++;
                }
                if (s.cartAbandoned()) {
                    t.abandonedSessions++;
                }
                s.categoryEvents().forEach((c, n) -> t.categoryEvents.merge(c, n, Integer::sum));
            }
            return t;
        }
    }
}
