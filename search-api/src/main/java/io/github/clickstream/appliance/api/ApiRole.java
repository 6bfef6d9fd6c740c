package io.github.clickstream.appliance.api;

import io.javalin.security.RouteRole;

/**
 * What an API key may do. Every route is registered with the least role that may call it; an {@link
 * #ADMIN} key may also do everything a {@link #READER} key may. {@link #OPEN} routes (health) need
 * no key at all.
 */
public enum ApiRole implements RouteRole {
    /** No key needed: health checks. */
    OPEN,
    /** Reads: profiles, searches, recommendations, statistics. */
    READER,
    /** Reads plus bulk export of personal data and erasure. */
    ADMIN;

    /** Whether a key holding this role may call a route registered with {@code required}. */
    public boolean allows(ApiRole required) {
        return compareTo(required) >= 0;
    }
}
