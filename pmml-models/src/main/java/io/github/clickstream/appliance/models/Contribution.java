package io.github.clickstream.appliance.models;

import java.io.Serializable;

/** How much one input feature moved a prediction (signed, in the model's own units). */
public record Contribution(String feature, double value) implements Serializable {}
