package io.github.clickstream.appliance.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made users {@code au-01..au-13} for the audience search, export and segment tests. Segments
 * {@code au-at-risk} (au-01..06, au-09), {@code au-loyal} (au-07, 08, 11, 12, 13) and none (au-10).
 * The brief's example filter (segment au-at-risk, churn_risk >= 0.7, days_since_last_purchase <=
 * 60) matches exactly au-01, au-02, au-03 and au-09: au-04 bought 61 days ago, au-05's risk is
 * 0.69, au-06 never bought.
 */
final class AudienceFixtures {

    /** The fields of an audience member, in the order the API documents (CSV header too). */
    static final List<String> DOCUMENTED_FIELDS =
            List.of(
                    "user_id",
                    "segment_name",
                    "purchase_propensity",
                    "churn_risk",
                    "days_since_last_visit",
                    "days_since_last_purchase",
                    "orders_30d",
                    "revenue_30d",
                    "revenue_lifetime",
                    "favourite_category",
                    "last_seen");

    static final String AT_RISK = "au-at-risk";
    static final String LOYAL = "au-loyal";

    static final String EXAMPLE_FILTER =
            "{\"segment\": [\"au-at-risk\"], \"churn_risk\": {\"gte\": 0.7},"
                    + " \"days_since_last_purchase\": {\"lte\": 60}}";
    static final List<String> EXAMPLE_MATCHES = List.of("au-01", "au-02", "au-03", "au-09");

    private AudienceFixtures() {}

    static List<Map<String, Object>> users() {
        List<Map<String, Object>> users = new ArrayList<>();
        // id, segment, churn_risk, purchase_propensity, days since purchase, revenue 30d, orders
        users.add(user("au-01", AT_RISK, 0.90, 0.10, 30.0, 0.0, 0));
        users.add(user("au-02", AT_RISK, 0.75, 0.20, 59.0, 12.5, 1));
        users.add(user("au-03", AT_RISK, 0.70, 0.05, 60.0, 40.0, 2));
        users.add(user("au-04", AT_RISK, 0.95, 0.30, 61.0, 0.0, 0));
        users.add(user("au-05", AT_RISK, 0.69, 0.40, 10.0, 99.99, 3));
        users.add(user("au-06", AT_RISK, 0.80, null, null, null, null));
        users.add(user("au-07", LOYAL, 0.90, 0.80, 5.0, 250.0, 4));
        users.add(user("au-08", LOYAL, 0.10, 0.90, 1.0, 1200.5, 9));
        users.add(user("au-09", AT_RISK, 0.99, 0.15, 0.0, 7.25, 1));
        users.add(user("au-10", null, 0.50, 0.50, 20.0, 5.0, 1));
        users.add(user("au-11", LOYAL, 0.30, null, 3.0, 30.0, 2));
        users.add(user("au-12", LOYAL, null, 0.60, 2.0, 80.0, 3));
        users.add(user("au-13", LOYAL, 0.2999, 0.70, 8.0, 10.0, 1));
        users.get(0).put("favourite_category", "electronics");
        users.get(0).put("last_seen", "2026-11-20T10:15:00Z");
        users.get(0).put("days_since_last_visit", 3.5);
        users.get(0).put("revenue_lifetime", 12345678.5);
        return users;
    }

    private static Map<String, Object> user(
            String id,
            String segment,
            Double churnRisk,
            Double propensity,
            Double daysSincePurchase,
            Double revenue30d,
            Integer orders30d) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("user_id", id);
        putIfPresent(user, "segment_name", segment);
        putIfPresent(user, "churn_risk", churnRisk);
        putIfPresent(user, "purchase_propensity", propensity);
        putIfPresent(user, "days_since_last_purchase", daysSincePurchase);
        putIfPresent(user, "revenue_30d", revenue30d);
        putIfPresent(user, "orders_30d", orders30d);
        return user;
    }

    private static void putIfPresent(Map<String, Object> user, String field, Object value) {
        if (value != null) {
            user.put(field, value);
        }
    }
}
