package io.github.clickstream.appliance.similarity;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * The sparse random projection behind item vectors: every item has a fixed signature of a few ±1
 * entries (chosen from a hash of its id, so every task and every run agrees), and an item's vector
 * is the weighted sum of its co-occurring items' signatures. Inner products of such sums
 * approximate inner products of the co-occurrence rows (Achlioptas; Li, Hastie and Church), so the
 * vectors' cosine approximates the cosine of the items' co-occurrence rows.
 */
public final class ItemSignature {

    private ItemSignature() {}

    /** Adds {@code weight} × the signature of {@code itemId} to {@code vector}. */
    public static void addTo(float[] vector, String itemId, double weight, int nonZeros) {
        SplittableRandom random = new SplittableRandom(hash(itemId));
        float scaled = (float) (weight / Math.sqrt(nonZeros));
        int dims = vector.length;
        int[] used = new int[nonZeros];
        for (int n = 0; n < nonZeros; n++) {
            int position;
            do {
                position = random.nextInt(dims);
            } while (contains(used, n, position));
            used[n] = position;
            vector[position] += random.nextBoolean() ? scaled : -scaled;
        }
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** FNV-1a over the UTF-8 bytes, then a 64-bit finalizer: stable across JVMs and runs. */
    static long hash(String itemId) {
        long h = 0xcbf29ce484222325L;
        for (byte b : itemId.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
