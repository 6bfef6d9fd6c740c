package io.github.clickstream.appliance.evaluation;

import io.github.clickstream.appliance.similarity.ItemSignature;
import io.github.clickstream.appliance.similarity.NearestNeighbours;
import io.github.clickstream.appliance.similarity.SimilarItems;
import io.github.clickstream.appliance.similarity.SimilarityConfig;
import io.github.clickstream.appliance.similarity.Vectors;
import java.util.ArrayList;
import java.util.List;

/**
 * Our personal recommendations, as the search API computes them: a kNN over item vectors with a
 * taste vector. Here the taste is the session so far (the last item counting most) plus the
 * shopper's taste from before the session, each scaled to unit length.
 */
final class LearnedPersonalRecommendations implements Recommender {

    private static final double EARLIER_ITEMS = 0.5;
    private static final double HISTORY = 0.25;

    private final LearnedSimilarity learned;
    private final SimilarityConfig config;
    private final List<String> ids = new ArrayList<>();
    private final List<float[]> units = new ArrayList<>();

    LearnedPersonalRecommendations(LearnedSimilarity learned, SimilarityConfig config) {
        this.learned = learned;
        this.config = config;
        learned.itemVectors()
                .forEach(
                        (id, vector) -> {
                            ids.add(id);
                            units.add(unit(vector));
                        });
    }

    @Override
    public String name() {
        return "ours: personal (taste-vector kNN)";
    }

    @Override
    public List<String> recommend(String userId, List<String> prefix, int k) {
        float[] session = new float[config.dims()];
        for (int i = 0; i < prefix.size(); i++) {
            double weight = i == prefix.size() - 1 ? 1.0 : EARLIER_ITEMS;
            ItemSignature.addTo(session, prefix.get(i), weight, config.nonZeros());
        }
        float[] query = unit(session);
        float[] history = learned.tastes().get(userId);
        if (history != null) {
            float[] past = unit(history);
            for (int d = 0; d < query.length; d++) {
                query[d] += (float) (HISTORY * past[d]);
            }
        }
        return NearestNeighbours.of(null, query, ids, units, k + prefix.size()).stream()
                .map(SimilarItems.Neighbour::itemId)
                .filter(item -> !prefix.contains(item))
                .limit(k)
                .toList();
    }

    /** The vector at unit length; the zero vector stays zero. */
    private static float[] unit(float[] vector) {
        float[] unit = Vectors.normalized(vector);
        return unit == null ? new float[vector.length] : unit;
    }
}
