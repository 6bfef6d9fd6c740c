package io.github.clickstream.appliance.sessions;

/**
 * Amounts are summed in whole cents: a sum of doubles depends on the order of its terms, and
 * sessions and features must come out identical whatever order Flink merges them in (after a
 * restart, across parallel instances, in batch or streaming).
 */
public final class Money {

    private Money() {}

    public static long cents(double amount) {
        return Math.round(amount * 100);
    }

    public static double fromCents(long cents) {
        return cents / 100.0;
    }
}
