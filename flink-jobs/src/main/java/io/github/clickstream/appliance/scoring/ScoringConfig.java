package io.github.clickstream.appliance.scoring;

import io.github.clickstream.appliance.models.ModelLimits;
import java.io.Serializable;

/**
 * Scoring settings: the churn risk at which a user counts as at risk (an upward crossing sends a
 * marketing action) and the caps on model documents accepted for hot swap.
 */
public record ScoringConfig(double churnThreshold, ModelLimits modelLimits)
        implements Serializable {

    public static final double DEFAULT_CHURN_THRESHOLD = 0.7;

    public static final ScoringConfig DEFAULTS =
            new ScoringConfig(DEFAULT_CHURN_THRESHOLD, ModelLimits.DEFAULTS);

    public ScoringConfig {
        if (!(churnThreshold > 0 && churnThreshold < 1)) {
            throw new IllegalArgumentException(
                    "churn threshold must be between 0 and 1, got " + churnThreshold);
        }
    }
}
