package io.github.clickstream.appliance.evaluation;

import java.util.List;

/** Our similar items: the neighbours the job computed for the session's last item. */
final class LearnedSimilarItems implements Recommender {

    private final LearnedSimilarity learned;

    LearnedSimilarItems(LearnedSimilarity learned) {
        this.learned = learned;
    }

    @Override
    public String name() {
        return "ours: similar items of the last item";
    }

    @Override
    public List<String> recommend(String userId, List<String> prefix, int k) {
        return learned.neighbours().getOrDefault(prefix.get(prefix.size() - 1), List.of()).stream()
                .filter(item -> !prefix.contains(item))
                .limit(k)
                .toList();
    }
}
