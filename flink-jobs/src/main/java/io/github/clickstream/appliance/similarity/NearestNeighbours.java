package io.github.clickstream.appliance.similarity;

import io.github.clickstream.appliance.mappings.ItemRanking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.apache.lucene.util.VectorUtil;

/**
 * Exact top-K over a set of item vectors, with Lucene's SIMD dot product: for the catalogue sizes
 * one task holds, exact scoring is both simpler and more accurate than an HNSW graph. Items are
 * ranked by cosine, or by cosine × {@link ItemRanking#support} (the neighbour index's score).
 */
public final class NearestNeighbours {

    private final List<String> ids = new ArrayList<>();
    private final List<float[]> units = new ArrayList<>();
    private final List<Double> supports = new ArrayList<>();

    /** The items of {@code vectors} (id → raw vector), zero vectors left out. */
    public NearestNeighbours(Iterable<Map.Entry<String, float[]>> vectors) {
        for (Map.Entry<String, float[]> entry : vectors) {
            float[] unit = ItemRanking.unit(entry.getValue());
            if (unit != null) {
                ids.add(entry.getKey());
                units.add(unit);
                supports.add(ItemRanking.support(entry.getValue()));
            }
        }
    }

    /**
     * The {@code k} items (excluding {@code self}, which may be null) with the highest cosine to
     * {@code query}, a unit vector, times their support when {@code bySupport}; best first. None
     * for a null query (a vector without a direction: zero, or not finite).
     */
    public List<SimilarItems.Neighbour> top(String self, float[] query, int k, boolean bySupport) {
        if (query == null) {
            return List.of();
        }
        PriorityQueue<SimilarItems.Neighbour> best =
                new PriorityQueue<>(
                        (a, b) ->
                                a.score() != b.score()
                                        ? Double.compare(a.score(), b.score())
                                        : b.itemId().compareTo(a.itemId()));
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).equals(self)) {
                continue;
            }
            double score = VectorUtil.dotProduct(query, units.get(i));
            if (bySupport) {
                score *= supports.get(i);
            }
            if (score <= 0 || (best.size() == k && score < best.peek().score())) {
                continue;
            }
            best.add(new SimilarItems.Neighbour(ids.get(i), score));
            if (best.size() > k) {
                best.poll();
            }
        }
        List<SimilarItems.Neighbour> ordered = new ArrayList<>(best);
        ordered.sort(
                (a, b) ->
                        a.score() != b.score()
                                ? Double.compare(b.score(), a.score())
                                : a.itemId().compareTo(b.itemId()));
        return ordered;
    }
}
