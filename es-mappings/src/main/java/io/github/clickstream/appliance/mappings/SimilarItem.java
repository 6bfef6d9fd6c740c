package io.github.clickstream.appliance.mappings;

/** A neighbour of an item with its similarity score. */
public record SimilarItem(String itemId, Double score) {}
