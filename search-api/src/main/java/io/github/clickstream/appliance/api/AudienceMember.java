package io.github.clickstream.appliance.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One user of an audience as search results and exports show them: the id a campaign tool keys on,
 * plus the scores and features a marketer checks the audience with. The same fields, in this order,
 * are the export's CSV columns and NDJSON keys.
 */
record AudienceMember(
        String userId,
        String segmentName,
        Double purchasePropensity,
        Double churnRisk,
        Double daysSinceLastVisit,
        Double daysSinceLastPurchase,
        @JsonProperty("orders_30d") Integer orders30d,
        @JsonProperty("revenue_30d") Double revenue30d,
        Double revenueLifetime,
        String favouriteCategory,
        Instant lastSeen) {

    /** The users fields read from Elasticsearch, which are also the column names. */
    static final List<String> COLUMNS =
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

    /** The values in {@link #COLUMNS} order. */
    List<Object> values() {
        return Arrays.asList(
                userId,
                segmentName,
                purchasePropensity,
                churnRisk,
                daysSinceLastVisit,
                daysSinceLastPurchase,
                orders30d,
                revenue30d,
                revenueLifetime,
                favouriteCategory,
                lastSeen);
    }
}
