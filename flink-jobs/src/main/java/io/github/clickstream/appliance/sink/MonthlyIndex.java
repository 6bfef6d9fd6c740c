package io.github.clickstream.appliance.sink;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Names of the dated indices ({@code sessions-2026.11}) that the templates put behind aliases. */
public final class MonthlyIndex {

    private static final DateTimeFormatter MONTH =
            DateTimeFormatter.ofPattern("yyyy.MM").withZone(ZoneOffset.UTC);

    private MonthlyIndex() {}

    public static String name(String family, long epochMillis) {
        return family + "-" + MONTH.format(Instant.ofEpochMilli(epochMillis));
    }
}
