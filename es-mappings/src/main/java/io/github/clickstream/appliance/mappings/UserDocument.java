package io.github.clickstream.appliance.mappings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A scored user profile in the {@code users} index (id = user id): behaviour features, model scores
 * with reasons and the taste vector. Every field may be absent, because several writers (features,
 * scoring, similarity) each upsert their own part.
 */
public record UserDocument(
        String userId,
        Instant firstSeen,
        Instant lastSeen,
        Instant lastPurchaseAt,
        Double daysSinceLastVisit,
        Double daysSinceLastPurchase,
        @JsonProperty("sessions_7d") Integer sessions7d,
        @JsonProperty("sessions_30d") Integer sessions30d,
        @JsonProperty("orders_30d") Integer orders30d,
        Integer ordersLifetime,
        @JsonProperty("revenue_30d") Double revenue30d,
        Double revenueLifetime,
        Double averageOrderValue,
        Double viewToCartRate,
        Double cartToPurchaseRate,
        Double cartAbandonmentRate,
        Double avgSessionDurationS,
        Double avgSessionDepth,
        @JsonProperty("distinct_categories_30d") Integer distinctCategories30d,
        String favouriteCategory,
        List<String> recentItems,
        List<String> purchasedItems,
        Double purchasePropensity,
        Double churnRisk,
        Integer segmentId,
        String segmentName,
        List<Reason> reasons,
        List<String> modelVersions,
        float[] userVector,
        Instant updatedAt) {}
