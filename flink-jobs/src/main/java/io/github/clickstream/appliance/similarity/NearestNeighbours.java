package io.github.clickstream.appliance.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import org.apache.lucene.util.VectorUtil;

/**
 * Exact top-K by cosine over unit vectors, with Lucene's SIMD dot product: for the catalogue sizes
 * one task holds, exact scoring is both simpler and more accurate than an HNSW graph.
 */
public final class NearestNeighbours {

    private NearestNeighbours() {}

    /** The {@code k} items most similar to {@code query} (excluding {@code self}), best first. */
    public static List<SimilarItems.Neighbour> of(
            String self, float[] query, List<String> ids, List<float[]> units, int k) {
        PriorityQueue<SimilarItems.Neighbour> best =
                new PriorityQueue<>(
                        (a, b) ->
                                a.score() != b.score()
                                        ? Double.compare(a.score(), b.score())
                                        : b.itemId().compareTo(a.itemId()));
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).equals(self)) { // self may be null: a query that is no item
                continue;
            }
            double score = VectorUtil.dotProduct(query, units.get(i));
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
