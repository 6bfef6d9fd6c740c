package io.github.clickstream.appliance.erasure;

/**
 * A request to forget a user (right to be forgotten), read from the {@code erasures} topic that the
 * search API publishes to. {@code requestedAt} is epoch milliseconds.
 */
public record Erasure(String userId, long requestedAt) {}
