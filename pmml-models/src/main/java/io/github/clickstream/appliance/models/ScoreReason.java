package io.github.clickstream.appliance.models;

import java.io.Serializable;

/** One reason behind a user's scores: which model, which feature, how much it contributed. */
public record ScoreReason(String model, String feature, double contribution)
        implements Serializable {}
