package io.github.clickstream.appliance.features;

import java.util.List;

/**
 * A user's behaviour features as of one moment in event time ({@code asOf}): recency, frequency,
 * monetary value, funnel rates and recent interests. Rates and averages are null where their
 * denominator is zero, so "no data" is never confused with 0 %. Windows ("30d") cover sessions that
 * started in the 30 days before {@code asOf}.
 */
public record UserFeatures(
        String userId,
        long asOf,
        long firstSeen,
        long lastSeen,
        Long lastPurchaseAt,
        double daysSinceLastVisit,
        Double daysSinceLastPurchase,
        int sessions7d,
        int sessions30d,
        int orders30d,
        int ordersLifetime,
        double revenue30d,
        double revenueLifetime,
        Double averageOrderValue,
        Double viewToCartRate,
        Double cartToPurchaseRate,
        Double cartAbandonmentRate,
        Double avgSessionDurationS,
        Double avgSessionDepth,
        int distinctCategories30d,
        String favouriteCategory,
        List<String> recentItems) {}
