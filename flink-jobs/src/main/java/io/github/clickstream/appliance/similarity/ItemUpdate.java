package io.github.clickstream.appliance.similarity;

/**
 * An item as published: catalogue fields (latest seen), popularity counts as of {@code at} (the day
 * of {@code at}, the 7 and the 30 days up to it), and its co-occurrence vector (null while it has
 * co-occurred with nothing).
 */
public record ItemUpdate(
        String itemId,
        String categoryId,
        String categoryCode,
        String brand,
        Double price,
        long views1d,
        long views7d,
        long views30d,
        long carts1d,
        long carts7d,
        long carts30d,
        long purchases1d,
        long purchases7d,
        long purchases30d,
        float[] vector,
        long at) {}
