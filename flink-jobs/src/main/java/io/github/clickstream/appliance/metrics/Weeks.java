package io.github.clickstream.appliance.metrics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/** Calendar weeks for cohorts: Monday 00:00 UTC to the next Monday. */
final class Weeks {

    private static final long WEEK_MILLIS = 7L * 24 * 3_600_000;

    private Weeks() {}

    static long startOf(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis)
                .atOffset(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .toInstant()
                .toEpochMilli();
    }

    static int between(long fromWeek, long toWeek) {
        return (int) ((toWeek - fromWeek) / WEEK_MILLIS);
    }

    static long plus(long week, int weeks) {
        return week + weeks * WEEK_MILLIS;
    }
}
