package io.github.clickstream.appliance.api;

import static io.github.clickstream.appliance.api.Fixtures.item;
import static io.github.clickstream.appliance.api.Fixtures.user;
import static io.github.clickstream.appliance.api.Fixtures.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The catalogue of the item tests, ids prefixed {@code tc-}. Two taste clusters: items {@code
 * tc-a1..tc-a8} point along axis 10, {@code tc-b1..tc-b6} along axis 20, so every A item is
 * orthogonal to every B item. Odd A items are phones, even ones cases; A1-A4 are brand acme, A5-A8
 * zen; A item i costs 10 * i. B items cost 1000 and more, so a price filter between 45 and 75
 * matches exactly A5, A6 and A7. {@code tc-p1..tc-p5} (category tc-popular) carry the popularity
 * counts for the cold-start tests.
 */
final class TasteClusters {

    static final List<String> CLUSTER_A = ids("tc-a", 8);
    static final List<String> CLUSTER_B = ids("tc-b", 6);

    /** tc-a1's stored neighbours, deliberately not in id order. */
    static final List<String> A1_NEIGHBOURS = List.of("tc-a3", "tc-a2", "tc-a5");

    /**
     * By purchases_7d, then views_7d: p2 (9), p3 (5, 50 views), p1 (5, 10 views), p4 (0), p5
     * (none).
     */
    static final List<String> POPULARITY_ORDER =
            List.of("tc-p2", "tc-p3", "tc-p1", "tc-p4", "tc-p5");

    private TasteClusters() {}

    static List<Map<String, Object>> items() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            Map<String, Object> a =
                    item(
                            "tc-a" + i,
                            i % 2 == 1 ? "tc-phones" : "tc-cases",
                            i <= 4 ? "tc-acme" : "tc-zen",
                            10.0 * i,
                            vector(10, 11, 0.05 * i));
            if (i == 1) {
                a.put(
                        "similar_items",
                        List.of(
                                Map.of("item_id", "tc-a3", "score", 0.9),
                                Map.of("item_id", "tc-a2", "score", 0.8),
                                Map.of("item_id", "tc-a5", "score", 0.7)));
            }
            items.add(a);
        }
        for (int i = 1; i <= 6; i++) {
            items.add(item("tc-b" + i, "tc-shoes", "tc-run", 1000.0 + i, vector(20, 21, 0.05 * i)));
        }
        items.add(popular("tc-p1", 5, 10));
        items.add(popular("tc-p2", 9, 1));
        items.add(popular("tc-p3", 5, 50));
        items.add(popular("tc-p4", 0, 100));
        items.add(item("tc-p5", "tc-popular", "tc-pop", 2005, vector(50, 51, 0.5)));
        items.add(item("tc-novector", "tc-misc", "tc-misc", 1, null));
        return items;
    }

    static List<Map<String, Object>> users() {
        Map<String, Object> recentA = user("tc-user-a", null);
        recentA.put("recent_items", List.of("tc-a1", "tc-a2"));
        recentA.put("purchased_items", List.of("tc-a3"));

        Map<String, Object> withVector = user("tc-user-vector", vector(10, 11, 0.2));
        withVector.put("recent_items", List.of("tc-a1"));
        withVector.put("purchased_items", List.of("tc-a4"));

        Map<String, Object> mixed = user("tc-user-mixed", null);
        mixed.put("recent_items", List.of("tc-b1", "tc-a1"));

        Map<String, Object> noVectors = user("tc-user-novectors", null);
        noVectors.put("recent_items", List.of("tc-not-in-index", "tc-novector"));
        noVectors.put("purchased_items", List.of("tc-p2"));

        // a stored taste mostly B, but the most recent item is a1
        Map<String, Object> vectorAndMixed = user("tc-user-vector-mixed", vector(20, 10, 0.5));
        vectorAndMixed.put("recent_items", List.of("tc-a1", "tc-b1"));

        Map<String, Object> vectorWithoutRecentVector =
                user("tc-user-vector-novector", vector(20, 21, 0.2));
        vectorWithoutRecentVector.put("recent_items", List.of("tc-novector"));

        return List.of(
                recentA, withVector, mixed, noVectors, vectorAndMixed, vectorWithoutRecentVector);
    }

    private static Map<String, Object> popular(String id, long purchases7d, long views7d) {
        Map<String, Object> item = item(id, "tc-popular", "tc-pop", 2000, vector(50, 51, 0.5));
        item.put("purchases_7d", purchases7d);
        item.put("views_7d", views7d);
        return item;
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(prefix + i);
        }
        return ids;
    }
}
