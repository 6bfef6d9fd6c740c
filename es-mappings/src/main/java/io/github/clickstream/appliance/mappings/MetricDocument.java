package io.github.clickstream.appliance.mappings;

import java.time.Instant;

/**
 * A pre-aggregated counter bucket in {@code metrics-YYYY.MM} (id = metric + bucket + dimension), so
 * dashboards read a few documents instead of aggregating raw sessions.
 */
public record MetricDocument(
        String metric,
        Instant bucketStart,
        String bucketSize,
        String dimension,
        String dimensionValue,
        Long activeUsers,
        Long sessions,
        Long viewSessions,
        Long cartSessions,
        Long purchaseSessions,
        Long orders,
        Long views,
        Long carts,
        Long purchases,
        Double revenue,
        Double conversionRate,
        Double cartAbandonmentRate,
        Instant cohortWeek,
        Integer weeksSince,
        Long cohortUsers,
        Long retainedUsers) {}
