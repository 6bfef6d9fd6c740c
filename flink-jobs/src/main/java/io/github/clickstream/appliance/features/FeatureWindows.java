package io.github.clickstream.appliance.features;

import java.io.Serializable;
import java.time.Duration;

/**
 * The event-time windows the features use; defaults follow the field names (7d, 30d). {@code
 * rescoreInactiveEvery}: a user without new sessions is re-snapshotted (and so re-scored) this
 * often in event time, until inactive for the long window, so recency and churn risk grow while
 * they stay away; null turns that off.
 */
public record FeatureWindows(
        Duration shortWindow,
        Duration longWindow,
        int recentItemLimit,
        Duration rescoreInactiveEvery)
        implements Serializable {

    public static final FeatureWindows DEFAULT =
            new FeatureWindows(Duration.ofDays(7), Duration.ofDays(30), 20, Duration.ofDays(1));

    /**
     * Features only when sessions close (tests that compare them with a reference at that time).
     */
    public FeatureWindows withoutInactivityRescoring() {
        return new FeatureWindows(shortWindow, longWindow, recentItemLimit, null);
    }
}
