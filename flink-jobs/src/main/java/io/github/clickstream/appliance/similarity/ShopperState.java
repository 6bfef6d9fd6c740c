package io.github.clickstream.appliance.similarity;

/**
 * What the similarity stage keeps per shopper (a Flink POJO): the recent items with their strongest
 * event weight and last time, the taste vector as of {@code tasteTime}, and recent purchases.
 */
public class ShopperState {
    public String[] items = new String[0];
    public double[] weights = new double[0];
    public long[] times = new long[0];
    public float[] taste;
    public long tasteTime;
    public String[] purchased = new String[0];
    public boolean publishPending;

    public ShopperState() {}

    ShopperState(int dims) {
        taste = new float[dims];
    }

    int indexOf(String item) {
        for (int i = 0; i < items.length; i++) {
            if (items[i].equals(item)) {
                return i;
            }
        }
        return -1;
    }

    /** Remembers the item (or refreshes it), dropping the oldest beyond {@code capacity}. */
    void remember(String item, double weight, long time, int capacity) {
        int existing = indexOf(item);
        if (existing >= 0) {
            weights[existing] = Math.max(weights[existing], weight);
            times[existing] = Math.max(times[existing], time);
            return;
        }
        int keep = Math.min(items.length, capacity - 1);
        int oldest = items.length > keep ? oldest() : -1;
        String[] nextItems = new String[keep + 1];
        double[] nextWeights = new double[keep + 1];
        long[] nextTimes = new long[keep + 1];
        int n = 0;
        for (int i = 0; i < items.length; i++) {
            if (i != oldest) {
                nextItems[n] = items[i];
                nextWeights[n] = weights[i];
                nextTimes[n] = times[i];
                n++;
            }
        }
        nextItems[n] = item;
        nextWeights[n] = weight;
        nextTimes[n] = time;
        items = nextItems;
        weights = nextWeights;
        times = nextTimes;
    }

    private int oldest() {
        int oldest = 0;
        for (int i = 1; i < times.length; i++) {
            if (times[i] < times[oldest]) {
                oldest = i;
            }
        }
        return oldest;
    }

    /** Puts the item first in the purchase list, keeping at most {@code capacity}. */
    void purchased(String item, int capacity) {
        java.util.List<String> next = new java.util.ArrayList<>(capacity);
        next.add(item);
        for (String earlier : purchased) {
            if (!earlier.equals(item) && next.size() < capacity) {
                next.add(earlier);
            }
        }
        purchased = next.toArray(new String[0]);
    }
}
