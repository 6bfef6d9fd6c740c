package io.github.clickstream.appliance.similarity;

import java.io.Serializable;
import java.time.Duration;

/**
 * Settings of the similarity stage: vector size and signature density, how co-occurrence is
 * weighted and forgotten, how often vectors and neighbours are published.
 *
 * @param dims item and user vector size
 * @param nonZeros ±1 entries per item signature
 * @param halfLife co-occurrence weight halves after this much event time (tastes move)
 * @param sessionGap items seen within this gap of each other count as the same session
 * @param historyWindow earlier items of the same shopper still co-occur, weighted lower
 * @param historyWeight weight of a co-occurrence across sessions (same session = 1); 0 by default:
 *     such pairs mix a shopper's other interests into what should be a next-item signal, and cost
 *     HR@20 on the generator's data (bench/README.md)
 * @param recentItems items remembered per shopper
 * @param publishEvery an item's or shopper's changes are published at most this often (event time)
 * @param neighboursEvery top-K neighbours of changed items are recomputed this often (event time)
 * @param neighbours how many neighbours each item keeps
 * @param minEvidence vector length an item needs before it gets (and is) a neighbour: about 1 per
 *     co-occurrence of weight 1, so rare items with a chance co-occurrence stay out
 */
public record SimilarityConfig(
        int dims,
        int nonZeros,
        Duration halfLife,
        Duration sessionGap,
        Duration historyWindow,
        double historyWeight,
        int recentItems,
        Duration publishEvery,
        Duration neighboursEvery,
        int neighbours,
        double minEvidence)
        implements Serializable {

    public static final SimilarityConfig DEFAULTS =
            new SimilarityConfig(
                    64,
                    4,
                    Duration.ofDays(30),
                    Duration.ofMinutes(30),
                    Duration.ofDays(7),
                    0.0,
                    20,
                    Duration.ofHours(1),
                    Duration.ofDays(1),
                    20,
                    2.0);

    public SimilarityConfig {
        if (dims < 8
                || nonZeros < 1
                || nonZeros > dims
                || neighbours < 1
                || recentItems < 1
                || !(historyWeight >= 0)) {
            throw new IllegalArgumentException(
                    "need dims >= 8, 1 <= nonZeros <= dims, neighbours >= 1, recentItems >= 1,"
                            + " historyWeight >= 0");
        }
    }

    /** The end of the publishing period {@code at} falls in (shoppers and items alike). */
    long publishTime(long at) {
        long every = publishEvery.toMillis();
        return (Math.floorDiv(at, every) + 1) * every;
    }

    /** How much a shopper's event on an item tells about their taste. */
    static double typeWeight(io.github.clickstream.appliance.events.EventType type) {
        return switch (type) {
            case VIEW -> 1.0;
            case FAVOURITE -> 1.5;
            case CART -> 2.0;
            case PURCHASE -> 3.0;
            default -> 0.0;
        };
    }
}
