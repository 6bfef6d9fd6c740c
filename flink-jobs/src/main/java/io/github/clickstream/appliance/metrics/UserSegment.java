package io.github.clickstream.appliance.metrics;

/** The segment a user was scored into, at the event time of that scoring. */
public record UserSegment(String userId, String segment) {}
