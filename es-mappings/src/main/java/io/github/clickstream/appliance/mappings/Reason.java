package io.github.clickstream.appliance.mappings;

/** One reason behind a model score: which feature pushed it, and by how much. */
public record Reason(String model, String feature, Double contribution) {}
