package io.github.clickstream.appliance.training;

import io.github.clickstream.appliance.features.UserFeatures;

/** One row of the training table: a user's features at the cut-off and the two labels. */
public record TrainingRow(UserFeatures features, boolean purchasedNext7d, boolean churned30d) {}
