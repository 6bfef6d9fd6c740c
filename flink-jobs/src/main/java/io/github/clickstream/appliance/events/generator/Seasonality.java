package io.github.clickstream.appliance.events.generator;

import java.time.DayOfWeek;
import java.util.Random;

/**
 * When shoppers come: more on weekends, and within a day a small lunchtime peak, a large evening
 * peak and a quiet (not empty) night. Dashboards show these rhythms, and the models must not
 * mistake them for behaviour.
 */
final class Seasonality {

    private static final long HOUR = 3_600_000L;

    private Seasonality() {}

    /** Multiplies the chance of a visit on that day of the week. */
    static double weekdayFactor(DayOfWeek day) {
        return switch (day) {
            case SATURDAY, SUNDAY -> 1.25;
            case MONDAY -> 1.05;
            default -> 1.0;
        };
    }

    /** Milliseconds after midnight (UTC) at which a visit starts. */
    static long timeOfDay(Random random) {
        double roll = random.nextDouble();
        if (roll < 0.05) {
            return (long) (random.nextDouble() * 24 * HOUR); // night owls and other time zones
        }
        if (roll < 0.30) {
            return (long) (7 * HOUR + random.nextDouble() * 16 * HOUR);
        }
        double mean = roll < 0.45 ? 12.5 : 20.5;
        double spread = roll < 0.45 ? 1 : 2;
        double hour;
        do {
            hour = mean + random.nextGaussian() * spread;
        } while (hour < 0 || hour >= 24);
        return (long) (hour * HOUR);
    }
}
