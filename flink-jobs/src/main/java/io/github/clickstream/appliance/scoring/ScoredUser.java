package io.github.clickstream.appliance.scoring;

import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.models.UserScores;

/** A user's features and the scores the models in use gave them. */
public record ScoredUser(UserFeatures features, UserScores scores) {}
