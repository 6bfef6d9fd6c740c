package io.github.clickstream.appliance.training;

import java.io.Serializable;
import java.time.Duration;

/**
 * The label definitions of the training table: "purchased in the next 7 days" and "churned = no
 * activity in the next 30 days", both counted from the cut-off {@code asOf} (exclusive) on.
 */
public record LabelHorizons(long asOf, Duration purchaseHorizon, Duration churnHorizon)
        implements Serializable {

    public static final Duration DEFAULT_PURCHASE_HORIZON = Duration.ofDays(7);
    public static final Duration DEFAULT_CHURN_HORIZON = Duration.ofDays(30);

    public static LabelHorizons defaults(long asOf) {
        return new LabelHorizons(asOf, DEFAULT_PURCHASE_HORIZON, DEFAULT_CHURN_HORIZON);
    }

    public boolean beforeCutOff(long timestamp) {
        return timestamp <= asOf;
    }

    public boolean withinPurchaseHorizon(long timestamp) {
        return timestamp > asOf && timestamp <= asOf + purchaseHorizon.toMillis();
    }

    public boolean withinChurnHorizon(long timestamp) {
        return timestamp > asOf && timestamp <= asOf + churnHorizon.toMillis();
    }
}
