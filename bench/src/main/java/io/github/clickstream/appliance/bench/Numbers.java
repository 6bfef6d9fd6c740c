package io.github.clickstream.appliance.bench;

import java.util.Arrays;
import java.util.Locale;

/** Medians and ranges of the rounds, and numbers printed with as many digits as they deserve. */
final class Numbers {

    private Numbers() {}

    /** The middle value (the mean of the two middle ones for an even count); NaN when empty. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /**
     * The value at quantile {@code q} (0..1) by the nearest-rank rule: the smallest value with at
     * least {@code q} of all values at or below it; NaN when empty.
     */
    static double percentile(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    /** 1,234,567 / 123.4 / 1.23 / 0.012; "-" for NaN. */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        double magnitude = Math.abs(value);
        String pattern =
                magnitude >= 1000
                        ? "%,.0f"
                        : magnitude >= 100
                                ? "%.0f"
                                : magnitude >= 10 ? "%.1f" : magnitude >= 0.1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, value);
    }

    /** "min-max" of the rounds, "-" when there are none. */
    static String range(double[] values) {
        return values.length == 0 ? "-" : format(min(values)) + "–" + format(max(values));
    }
}
