package io.github.clickstream.appliance.similarity;

/**
 * What the similarity stage keeps per item (a Flink POJO): the co-occurrence vector as of {@code
 * vectorTime}, the latest catalogue fields, and views / carts / purchases per day for the last
 * {@link #DAYS} days in a ring indexed by day number.
 */
public class ItemState {
    static final int DAYS = 31;
    private static final long DAY = 86_400_000L;

    public float[] vector;
    public long vectorTime;
    public String categoryId;
    public String categoryCode;
    public String brand;
    public Double price;
    public long catalogueTime;
    public long[] dayOfSlot = new long[DAYS];
    public long[] views = new long[DAYS];
    public long[] carts = new long[DAYS];
    public long[] purchases = new long[DAYS];
    public boolean publishPending;

    public ItemState() {}

    ItemState(int dims) {
        vector = new float[dims];
        java.util.Arrays.fill(dayOfSlot, -1);
    }

    /** Adds one event to its day's counts (a day older than the ring's window is ignored). */
    void count(io.github.clickstream.appliance.events.EventType type, long at) {
        long day = Math.floorDiv(at, DAY);
        int slot = (int) Math.floorMod(day, (long) DAYS);
        if (dayOfSlot[slot] > day) {
            return;
        }
        if (dayOfSlot[slot] < day) {
            dayOfSlot[slot] = day;
            views[slot] = 0;
            carts[slot] = 0;
            purchases[slot] = 0;
        }
        switch (type) {
            case VIEW -> views[slot]++;
            case CART -> carts[slot]++;
            case PURCHASE -> purchases[slot]++;
            default -> {}
        }
    }

    /** The sum of {@code counts} over the {@code days} days up to and including {@code at}'s. */
    long total(long[] counts, long at, int days) {
        long today = Math.floorDiv(at, DAY);
        long sum = 0;
        for (int slot = 0; slot < DAYS; slot++) {
            long day = dayOfSlot[slot];
            if (day > today - days && day <= today) {
                sum += counts[slot];
            }
        }
        return sum;
    }
}
