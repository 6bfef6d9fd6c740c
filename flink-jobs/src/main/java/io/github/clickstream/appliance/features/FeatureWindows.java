package io.github.clickstream.appliance.features;

import java.io.Serializable;
import java.time.Duration;

/** The event-time windows the features use; defaults follow the field names (7d, 30d). */
public record FeatureWindows(Duration shortWindow, Duration longWindow, int recentItemLimit)
        implements Serializable {

    public static final FeatureWindows DEFAULT =
            new FeatureWindows(Duration.ofDays(7), Duration.ofDays(30), 20);
}
