package io.github.clickstream.appliance.reference;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent plain-Java computation of sessions and user features, written without the
 * pipeline's classes: sort each user's events by time, cut at gaps, count. Tests compare the
 * pipeline's output against it.
 */
public final class ReferenceFeatures {

    private static final long DAY = 86_400_000L;

    /** One reference session: the events in it, in time order. */
    public record Session(String userId, List<ClickEvent> events) {
        public long start() {
            return events.get(0).timestamp();
        }

        public long end() {
            return events.get(events.size() - 1).timestamp();
        }

        public long count(EventType type) {
            return events.stream().filter(e -> e.eventType() == type).count();
        }

        public double revenue() {
            double total = 0;
            for (ClickEvent e : events) {
                double amount =
                        (e.price() == null ? 0 : e.price())
                                * (e.quantity() == null ? 1 : Math.abs(e.quantity()));
                if (e.eventType() == EventType.PURCHASE) {
                    total += amount;
                } else if (e.eventType() == EventType.REFUND) {
                    total -= amount;
                }
            }
            return total;
        }
    }

    private ReferenceFeatures() {}

    /**
     * Splits each user's events into sessions: a new session starts when more than the gap passed
     * since the previous event (exactly the gap still continues the session, as Flink's session
     * windows merge windows that touch).
     */
    public static Map<String, List<Session>> sessions(List<ClickEvent> events, long gapMillis) {
        Map<String, List<ClickEvent>> byUser = new TreeMap<>();
        for (ClickEvent e : events) {
            byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e);
        }
        Map<String, List<Session>> result = new LinkedHashMap<>();
        byUser.forEach(
                (user, list) -> {
                    list.sort(Comparator.comparingLong(ClickEvent::timestamp));
                    List<Session> sessions = new ArrayList<>();
                    List<ClickEvent> current = new ArrayList<>();
                    for (ClickEvent e : list) {
                        if (!current.isEmpty()
                                && e.timestamp() - current.get(current.size() - 1).timestamp()
                                        > gapMillis) {
                            sessions.add(new Session(user, current));
                            current = new ArrayList<>();
                        }
                        current.add(e);
                    }
                    sessions.add(new Session(user, current));
                    result.put(user, sessions);
                });
        return result;
    }

    /** The features the pipeline documents, as of the end of the user's last session. */
    public static Map<String, Object> featuresAfterLastSession(List<Session> sessions) {
        return features(sessions, sessions.get(sessions.size() - 1).end());
    }

    /** The features as of {@code asOf}, from sessions that all started at or before it. */
    public static Map<String, Object> features(List<Session> sessions, long asOf) {
        List<Session> last30 = new ArrayList<>();
        for (Session s : sessions) {
            if (s.start() > asOf - 30 * DAY) {
                last30.add(s);
            }
        }
        long views = 0;
        long carts = 0;
        long purchases = 0;
        long cartSessions = 0;
        long abandoned = 0;
        Map<String, Integer> categories = new HashMap<>();
        for (Session s : last30) {
            views += s.count(EventType.VIEW);
            carts += s.count(EventType.CART);
            purchases += s.count(EventType.PURCHASE);
            if (s.count(EventType.CART) > 0) {
                cartSessions++;
                if (s.count(EventType.PURCHASE) == 0) {
                    abandoned++;
                }
            }
            for (ClickEvent e : s.events()) {
                if (e.categoryId() != null) {
                    categories.merge(e.categoryId(), 1, Integer::sum);
                }
            }
        }
        long lifetimeOrders = 0;
        for (Session s : sessions) {
            lifetimeOrders += s.count(EventType.PURCHASE);
        }
        Set<String> distinctCategories = new HashSet<>(categories.keySet());
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("sessions_30d", last30.size());
        f.put("sessions_7d", last30.stream().filter(s -> s.start() > asOf - 7 * DAY).count());
        f.put("orders_30d", purchases);
        f.put("orders_lifetime", lifetimeOrders);
        f.put("view_to_cart_rate", views == 0 ? null : (double) carts / views);
        f.put("cart_to_purchase_rate", carts == 0 ? null : (double) purchases / carts);
        f.put(
                "cart_abandonment_rate",
                cartSessions == 0 ? null : (double) abandoned / cartSessions);
        f.put("distinct_categories_30d", distinctCategories.size());
        f.put("first_seen", sessions.get(0).start());
        f.put("last_seen", sessions.stream().mapToLong(Session::end).max().orElseThrow());
        return f;
    }
}
