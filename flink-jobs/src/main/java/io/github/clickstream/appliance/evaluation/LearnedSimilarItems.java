package io.github.clickstream.appliance.evaluation;

import io.github.clickstream.appliance.mappings.ItemRanking;
import io.github.clickstream.appliance.similarity.NearestNeighbours;
import io.github.clickstream.appliance.similarity.SimilarItems;
import io.github.clickstream.appliance.similarity.SimilarityConfig;
import io.github.clickstream.appliance.similarity.Vectors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Our similar items: the session's last item's top neighbours as the job's neighbour index ranks
 * them (same evidence floor, same top-K code and score), over the learned vectors.
 */
final class LearnedSimilarItems implements Recommender {

    private final int neighbours;
    private final Map<String, float[]> indexed = new HashMap<>();
    private final NearestNeighbours index;
    private final Map<String, List<String>> cache = new HashMap<>();

    LearnedSimilarItems(LearnedSimilarity learned, SimilarityConfig config) {
        this.neighbours = config.neighbours();
        learned.itemVectors()
                .forEach(
                        (id, vector) -> {
                            if (Vectors.norm(vector) >= config.minEvidence()) {
                                indexed.put(id, vector);
                            }
                        });
        index = new NearestNeighbours(indexed.entrySet());
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
                                indexed.containsKey(item)
                                        ? index
                                                .top(
                                                        item,
                                                        ItemRanking.unit(indexed.get(item)),
                                                        neighbours,
                                                        true)
                                                .stream()
                                                .map(SimilarItems.Neighbour::itemId)
                                                .toList()
                                        : List.of());
        return similar.stream().filter(item -> !prefix.contains(item)).limit(k).toList();
    }
}
