package io.github.clickstream.appliance.reliability;

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
        Duration brokerDowntime) {

    static ReliabilityScale fromSystemProperties() {
        boolean full = Boolean.getBoolean("reliability.full");
        return new ReliabilityScale(
                Integer.getInteger("reliability.users", full ? 1_000 : 300),
                full ? 1_000 : 200,
                full ? 7 : 5,
                Integer.getInteger("reliability.load-seconds", full ? 120 : 40),
                duration("reliability.es-outage", full ? "PT60S" : "PT20S"),
                duration("reliability.broker-downtime", full ? "PT30S" : "PT10S"));
    }

    private static Duration duration(String property, String fallback) {
        return Duration.parse(System.getProperty(property, fallback));
    }
}
