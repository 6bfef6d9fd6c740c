package io.github.clickstream.appliance.scoring;

import java.util.List;

/**
 * What a campaign tool should act on: a user whose churn risk crossed the threshold upward, or
 * whose segment changed. {@code id} is deterministic (user, kind, time), so a consumer can drop the
 * duplicates an at-least-once delivery may bring after a restart.
 */
public record MarketingAction(
        String id,
        String userId,
        Kind kind,
        String reason,
        Double purchasePropensity,
        Double churnRisk,
        Integer segmentId,
        String segmentName,
        String previousSegmentName,
        long at,
        List<String> modelVersions) {

    /** Why the action was sent. */
    public enum Kind {
        CHURN_RISK_CROSSED,
        SEGMENT_CHANGED
    }
}
