package io.github.clickstream.appliance.events;

import java.io.Serializable;
import java.time.Duration;

/**
 * What the parser accepts beyond well-formed JSON: the largest payload, how far ahead of the clock
 * an event time may lie (producers' clocks drift; a day covers time-zone bugs but not garbage), and
 * whether a purchase must carry a price. The last is off by default because public datasets such as
 * Taobao UserBehavior record orders without prices and are replayed through the same topic; a shop
 * that always sends prices can turn it on to catch broken checkouts.
 */
public record ParserLimits(int maxPayloadBytes, Duration maxFutureSkew, boolean purchaseNeedsPrice)
        implements Serializable {

    public static final int DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofDays(1);

    public ParserLimits {
        if (maxPayloadBytes < 1 || maxFutureSkew == null || maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException(
                    "need a positive payload limit and a non-negative future skew (got "
                            + maxPayloadBytes
                            + " bytes, "
                            + maxFutureSkew
                            + ")");
        }
    }

    /** Purchases without a price are accepted (as orders with unknown revenue). */
    public ParserLimits(int maxPayloadBytes, Duration maxFutureSkew) {
        this(maxPayloadBytes, maxFutureSkew, false);
    }

    public static ParserLimits defaults() {
        return new ParserLimits(DEFAULT_MAX_PAYLOAD_BYTES, DEFAULT_MAX_FUTURE_SKEW);
    }

    public ParserLimits withPurchaseNeedsPrice(boolean needsPrice) {
        return new ParserLimits(maxPayloadBytes, maxFutureSkew, needsPrice);
    }
}
