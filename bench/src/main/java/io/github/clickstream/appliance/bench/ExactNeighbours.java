package io.github.clickstream.appliance.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference an approximate kNN is checked against: the exact cosine similarity of a query to
 * every vector, by brute force in plain Java, and recall@k of an approximate answer.
 */
final class ExactNeighbours {

    private final List<String> ids = new ArrayList<>();
    private final List<float[]> unitVectors = new ArrayList<>();

    ExactNeighbours(Map<String, float[]> vectors) {
        vectors.forEach(
                (id, vector) -> {
                    ids.add(id);
                    unitVectors.add(unit(vector));
                });
    }

    /** The exact cosine of {@code query} to every vector, in insertion order. */
    private double[] cosines(float[] query) {
        float[] q = unit(query);
        double[] cosines = new double[unitVectors.size()];
        for (int i = 0; i < cosines.length; i++) {
            float[] v = unitVectors.get(i);
            double dot = 0;
            for (int d = 0; d < v.length; d++) {
                dot += (double) q[d] * v[d];
            }
            cosines[i] = dot;
        }
        return cosines;
    }

    /**
     * Recall@k of {@code found} (the approximate top k): the share of the k exact nearest that it
     * holds. Vectors tied with the exact k-th (within {@code 1e-6}) count as exact nearest too, so
     * an answer that picks one of several equally near items is not penalised.
     */
    double recall(float[] query, Collection<String> found, int k) {
        double[] cosines = cosines(query);
        double kth = kthLargest(cosines, k);
        Set<String> answered = Set.copyOf(found);
        int hits = 0;
        for (int i = 0; i < cosines.length; i++) {
            if (cosines[i] >= kth - 1e-6 && answered.contains(ids.get(i))) {
                hits++;
            }
        }
        return Math.min(hits, k) / (double) Math.min(k, cosines.length);
    }

    private static double kthLargest(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, sorted.length - k)];
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += (double) v * v;
        }
        norm = Math.sqrt(norm);
        float[] unit = new float[vector.length];
        for (int d = 0; d < vector.length; d++) {
            unit[d] = (float) (vector[d] / norm);
        }
        return unit;
    }
}
