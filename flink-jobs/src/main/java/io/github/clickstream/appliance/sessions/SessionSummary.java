package io.github.clickstream.appliance.sessions;

import java.util.List;
import java.util.Map;

/**
 * One closed (or late-updated) session of one user. Its id is the user plus the session's first
 * event time, so a replay produces the same id and overwrites instead of duplicating. Besides the
 * fields of the session document it carries what the user features need: the items in order of last
 * touch (most recent first) and the events per category.
 */
public record SessionSummary(
        String sessionId,
        String userId,
        long start,
        long end,
        int views,
        int carts,
        int removes,
        int purchases,
        int searches,
        int favourites,
        int refunds,
        double revenue,
        Long lastPurchaseAt,
        int distinctItems,
        int distinctCategories,
        String firstItem,
        String lastItem,
        String experiment,
        String variant,
        List<String> recentItems,
        Map<String, Integer> categoryEvents,
        List<Long> replacedStarts) {

    public double durationSeconds() {
        return (end - start) / 1000.0;
    }

    public int eventCount() {
        return views + carts + removes + purchases + searches + favourites + refunds;
    }

    public boolean converted() {
        return purchases > 0;
    }

    /** Put something in the cart but bought nothing. */
    public boolean cartAbandoned() {
        return carts > 0 && purchases == 0;
    }

    public List<String> replacedSessionIds() {
        return replacedStarts.stream().map(start -> sessionId(userId, start)).toList();
    }

    public static String sessionId(String userId, long start) {
        return userId + "@" + java.time.Instant.ofEpochMilli(start);
    }
}
