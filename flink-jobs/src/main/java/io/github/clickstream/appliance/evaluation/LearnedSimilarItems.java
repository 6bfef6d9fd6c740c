package io.github.clickstream.appliance.evaluation;

import io.github.clickstream.appliance.similarity.NearestNeighbours;
import io.github.clickstream.appliance.similarity.SimilarItems;
import io.github.clickstream.appliance.similarity.SimilarityConfig;
import io.github.clickstream.appliance.similarity.Vectors;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Our similar items: the session's last item's top neighbours by vector cosine, computed with the
 * job's own top-K code over the learned vectors (and remembered per item).
 */
final class LearnedSimilarItems implements Recommender {

    private final int neighbours;
    private final Map<String, float[]> units = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final List<float[]> vectors = new ArrayList<>();
    private final Map<String, List<String>> cache = new HashMap<>();

    LearnedSimilarItems(LearnedSimilarity learned, SimilarityConfig config) {
        this.neighbours = config.neighbours();
        learned.itemVectors()
                .forEach(
                        (id, vector) -> {
                            float[] unit = Vectors.normalized(vector);
                            // the same evidence floor as the job's neighbour index
                            if (unit != null && Vectors.norm(vector) >= config.minEvidence()) {
                                units.put(id, unit);
                                ids.add(id);
                                vectors.add(unit);
                            }
                        });
    }

    @Override
    public String name() {
        return "ours: similar items of the last item";
    }

    @Override
    public List<String> recommend(String userId, List<String> prefix, int k) {
        String last = prefix.get(prefix.size() - 1);
        List<String> similar =
                cache.computeIfAbsent(
                        last,
                        item ->
                                units.containsKey(item)
                                        ? NearestNeighbours.of(
                                                        item,
                                                        units.get(item),
                                                        ids,
                                                        vectors,
                                                        neighbours)
                                                .stream()
                                                .map(SimilarItems.Neighbour::itemId)
                                                .toList()
                                        : List.of());
        return similar.stream().filter(item -> !prefix.contains(item)).limit(k).toList();
    }
}
