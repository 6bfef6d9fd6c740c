package io.github.clickstream.appliance.events.generator;

import java.time.Instant;

/** Size and seed of a synthetic clickstream: the same config always gives the same events. */
public record GeneratorConfig(int users, int items, int days, long seed, Instant start) {

    public static final Instant DEFAULT_START = Instant.parse("2026-10-01T00:00:00Z");

    public GeneratorConfig {
        if (users < 1 || items < 10 || days < 1) {
            throw new IllegalArgumentException(
                    "need at least 1 user, 10 items and 1 day (got users="
                            + users
                            + ", items="
                            + items
                            + ", days="
                            + days
                            + ")");
        }
    }
}
