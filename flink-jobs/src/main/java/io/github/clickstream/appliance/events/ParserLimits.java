package io.github.clickstream.appliance.events;

import java.io.Serializable;
import java.time.Duration;

/** Bounds on accepted input: payload size, and how far in the future a timestamp may lie. */
public record ParserLimits(int maxPayloadBytes, Duration maxFutureSkew) implements Serializable {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofDays(1);

    public static ParserLimits defaults() {
        return new ParserLimits(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_FUTURE_SKEW);
    }
}
