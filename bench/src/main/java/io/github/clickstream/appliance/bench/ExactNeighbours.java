package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.mappings.ItemRanking;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reference an approximate kNN is checked against: the exact {@link ItemRanking#score} (cosine
 * × square root of the vector's length) of a query to every vector, by brute force in plain Java,
 * and recall@k of an approximate answer.
 */
final class ExactNeighbours {

    private final List<String> ids = new ArrayList<>();
    private final List<float[]> vectors = new ArrayList<>();

    ExactNeighbours(Map<String, float[]> vectors) {
        vectors.forEach(
                (id, vector) -> {
                    ids.add(id);
                    this.vectors.add(vector);
                });
    }

    /** The exact score of {@code query} for every vector, in insertion order. */
    private double[] scores(float[] query) {
        double[] scores = new double[vectors.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = ItemRanking.score(query, vectors.get(i));
        }
        return scores;
    }

    /**
     * Recall@k of {@code found} (the approximate top k): the share of the k exact nearest that it
     * holds. Vectors tied with the exact k-th (within {@code 1e-6}) count as exact nearest too, so
     * an answer that picks one of several equally near items is not penalised.
     */
    double recall(float[] query, Collection<String> found, int k) {
        double[] scores = scores(query);
        double kth = kthLargest(scores, k);
        Set<String> answered = Set.copyOf(found);
        int hits = 0;
        for (int i = 0; i < scores.length; i++) {
            if (scores[i] >= kth - 1e-6 && answered.contains(ids.get(i))) {
                hits++;
            }
        }
        return Math.min(hits, k) / (double) Math.min(k, scores.length);
    }

    private static double kthLargest(double[] values, int k) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, sorted.length - k)];
    }
}
