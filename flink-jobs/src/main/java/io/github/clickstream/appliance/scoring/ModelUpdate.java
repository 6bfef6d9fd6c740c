package io.github.clickstream.appliance.scoring;

/**
 * A model file offered for hot swap: the slot it is for ({@code purchase_propensity}, {@code
 * churn_risk}, {@code segment}; the Kafka record key) and the PMML document (the value). {@code
 * source} says where it came from, for logs and dead letters.
 */
public record ModelUpdate(String slot, byte[] pmml, String source) {}
