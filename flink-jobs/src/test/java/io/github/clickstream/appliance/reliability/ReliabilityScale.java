package io.github.clickstream.appliance.reliability;

import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import java.time.Duration;

/**
 * How big the fault-injection runs are. CI runs the small default; {@code -Dreliability.full=true}
 * runs the documented size (a 60 s Elasticsearch outage), and single figures can be set with {@code
 * -Dreliability.users=N}, {@code -Dreliability.load-seconds=S}, {@code
 * -Dreliability.es-outage=PT60S} and {@code -Dreliability.broker-downtime=PT30S}.
 */
record ReliabilityScale(
        int users,
        int items,
        int days,
        int loadSeconds,
        Duration esOutage,
        Duration brokerDowntime,
        boolean full) {

    /** The generator's seed for every reliability input. */
    static final long SEED = 10;

    /**
     * Scenario 1's input: the common one (5,142 events) in CI, 30,000 shoppers over 10 days (about
     * 1 M events) at full size.
     */
    GeneratorConfig taskFailureInput() {
        return full ? GeneratorConfig.of(30_000, 1_000, 10, SEED) : common();
    }

    /**
     * Scenario 3's valid events: 1,500 shoppers over 5 days (about 27,500 events) in CI, at full
     * size the input of scenario 1 (about 1 M events).
     */
    GeneratorConfig malformedInput() {
        return full ? taskFailureInput() : GeneratorConfig.of(1_500, 200, 5, SEED);
    }

    /** The input of scenarios 5-7. */
    GeneratorConfig common() {
        return GeneratorConfig.of(users, items, days, SEED);
    }

    static ReliabilityScale fromSystemProperties() {
        boolean full = Boolean.getBoolean("reliability.full");
        return new ReliabilityScale(
                Integer.getInteger("reliability.users", full ? 1_000 : 300),
                full ? 1_000 : 200,
                full ? 7 : 5,
                Integer.getInteger("reliability.load-seconds", full ? 120 : 40),
                duration("reliability.es-outage", full ? "PT60S" : "PT20S"),
                duration("reliability.broker-downtime", full ? "PT30S" : "PT10S"),
                full);
    }

    private static Duration duration(String property, String fallback) {
        return Duration.parse(System.getProperty(property, fallback));
    }
}
