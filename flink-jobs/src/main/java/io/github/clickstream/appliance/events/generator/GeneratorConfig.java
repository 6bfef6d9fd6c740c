package io.github.clickstream.appliance.events.generator;

import java.time.Instant;

/**
 * Size and seed of a synthetic clickstream ({@code --users N --items M --days D --seed S}): the
 * same config always gives the same events. Days start at midnight UTC from {@code start}.
 */
public record GeneratorConfig(int users, int items, int days, long seed, Instant start) {

    public static final Instant DEFAULT_START = Instant.parse("2026-10-01T00:00:00Z");

    public GeneratorConfig {
        if (users < 1 || items < 10 || days < 1 || start == null) {
            throw new IllegalArgumentException(
                    "need at least 1 user, 10 items, 1 day and a start (got users="
                            + users
                            + ", items="
                            + items
                            + ", days="
                            + days
                            + ", start="
                            + start
                            + ")");
        }
    }

    /** Starting at {@link #DEFAULT_START}. */
    public static GeneratorConfig of(int users, int items, int days, long seed) {
        return new GeneratorConfig(users, items, days, seed, DEFAULT_START);
    }
}
