package io.github.clickstream.appliance.models;

import java.io.Serializable;
import java.util.List;

/**
 * A user's three scores with their reasons (the top contributions of the propensity and churn
 * models) and the labels of the models that produced them. A score is null where its model gave no
 * prediction.
 */
public record UserScores(
        Double purchasePropensity,
        Double churnRisk,
        Integer segmentId,
        String segmentName,
        List<ScoreReason> reasons,
        List<String> modelVersions)
        implements Serializable {}
