package io.github.clickstream.appliance.metrics;

/**
 * The segment a user was scored into, at the event time of that scoring; or, with {@code erased}
 * set, the user's erasure, after which nothing about them is kept.
 */
public record UserSegment(String userId, String segment, boolean erased) {

    public UserSegment(String userId, String segment) {
        this(userId, segment, false);
    }

    public static UserSegment erased(String userId) {
        return new UserSegment(userId, null, true);
    }
}
