package io.github.clickstream.appliance.sessions;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Turns a finished accumulator into its {@link SessionSummary}. */
final class SessionSummaries {

    static final int RECENT_ITEMS = 20;

    private SessionSummaries() {}

    static SessionSummary of(SessionAccumulator acc, List<Long> replacedStarts) {
        return new SessionSummary(
                SessionSummary.sessionId(acc.userId, acc.start),
                acc.userId,
                acc.start,
                acc.end,
                acc.views,
                acc.carts,
                acc.removes,
                acc.purchases,
                acc.searches,
                acc.favourites,
                acc.refunds,
                Money.fromCents(acc.revenueCents),
                acc.lastPurchaseAt == Long.MIN_VALUE ? null : acc.lastPurchaseAt,
                acc.itemFirstSeen.size(),
                acc.categoryEvents.size(),
                earliest(acc.itemFirstSeen),
                latest(acc.itemLastSeen),
                acc.experiment,
                acc.variant,
                acc.itemLastSeen.entrySet().stream()
                        .sorted(byTimeDescThenId())
                        .limit(RECENT_ITEMS)
                        .map(Map.Entry::getKey)
                        .toList(),
                Map.copyOf(acc.categoryEvents),
                List.copyOf(replacedStarts));
    }

    private static String earliest(Map<String, Long> times) {
        return times.entrySet().stream()
                .min(
                        Map.Entry.<String, Long>comparingByValue()
                                .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static String latest(Map<String, Long> times) {
        return times.entrySet().stream()
                .sorted(byTimeDescThenId())
                .findFirst()
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    /** Latest first; ties broken by item id so the order never depends on arrival. */
    private static Comparator<Map.Entry<String, Long>> byTimeDescThenId() {
        return Map.Entry.<String, Long>comparingByValue()
                .reversed()
                .thenComparing(Map.Entry.comparingByKey());
    }
}
