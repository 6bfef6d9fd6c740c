package io.github.clickstream.appliance.evaluation;

import io.github.clickstream.appliance.mappings.ItemRanking;
import io.github.clickstream.appliance.similarity.NearestNeighbours;
import io.github.clickstream.appliance.similarity.SimilarItems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Our personal recommendations, as the search API computes them ({@link ItemRanking}): the query is
 * the recency-weighted sum of the recent items' unit vectors (here the session so far), or the
 * shopper's learned taste when none of them has a vector; items are ranked by cosine × support over
 * the whole catalogue, as Elasticsearch ranks them by the inner product with their ranking vectors.
 */
final class LearnedPersonalRecommendations implements Recommender {

    private final LearnedSimilarity learned;
    private final NearestNeighbours items;

    LearnedPersonalRecommendations(LearnedSimilarity learned) {
        this.learned = learned;
        this.items = new NearestNeighbours(learned.itemVectors().entrySet());
    }

    @Override
    public String name() {
        return "ours: personal (recent items' vectors)";
    }

    @Override
    public List<String> recommend(String userId, List<String> prefix, int k) {
        List<float[]> recentFirst = new ArrayList<>();
        for (int i = prefix.size() - 1; i >= 0; i--) {
            recentFirst.add(learned.itemVectors().get(prefix.get(i)));
        }
        float[] query = ItemRanking.personalQuery(recentFirst);
        if (query == null) {
            query = learned.tastes().get(userId);
        }
        float[] unit = query == null ? null : ItemRanking.unit(query);
        if (unit == null) {
            return List.of();
        }
        Map<String, Double> scores = new HashMap<>();
        for (SimilarItems.Neighbour candidate : items.top(null, unit, k + prefix.size(), true)) {
            scores.put(candidate.itemId(), candidate.score());
        }
        return Ranking.top(scores, prefix, k);
    }
}
