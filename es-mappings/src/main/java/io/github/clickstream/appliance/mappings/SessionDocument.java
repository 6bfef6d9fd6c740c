package io.github.clickstream.appliance.mappings;

import java.time.Instant;

/** A shopping session in {@code sessions-YYYY.MM} (id = user id + session start). */
public record SessionDocument(
        String sessionId,
        String userId,
        Instant start,
        Instant end,
        Double durationS,
        Integer views,
        Integer carts,
        Integer removes,
        Integer purchases,
        Integer searches,
        Integer favourites,
        Integer refunds,
        Integer distinctItems,
        Integer distinctCategories,
        Double revenue,
        Boolean converted,
        Boolean cartAbandoned,
        String firstItem,
        String lastItem,
        String experiment,
        String variant) {}
