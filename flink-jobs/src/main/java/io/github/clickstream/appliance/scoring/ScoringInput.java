package io.github.clickstream.appliance.scoring;

import io.github.clickstream.appliance.features.UserFeatures;

/** What the scoring operator receives per user: a feature update to score, or their erasure. */
public record ScoringInput(String userId, UserFeatures features) {

    static ScoringInput update(UserFeatures features) {
        return new ScoringInput(features.userId(), features);
    }

    static ScoringInput erasure(String userId) {
        return new ScoringInput(userId, null);
    }

    boolean isErasure() {
        return features == null;
    }
}
