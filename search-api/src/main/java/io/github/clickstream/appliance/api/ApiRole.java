package io.github.clickstream.appliance.api;

import io.javalin.security.RouteRole;
import java.util.Locale;

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

    /** The role a key is configured with: {@code reader} or {@code admin}, any case. */
    public static ApiRole ofKey(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "reader" -> READER;
            case "admin" -> ADMIN;
            default ->
                    throw new IllegalArgumentException(
                            "Unknown key role '" + text + "': use reader or admin");
        };
    }

    /** Whether a key holding this role may call a route registered with {@code required}. */
    public boolean allows(ApiRole required) {
        return compareTo(required) >= 0;
    }
}
