package io.github.clickstream.appliance.evaluation;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classic session-based item-kNN baseline, exact, in plain Java: items co-occur when they are
 * in the same session, and the similarity of i and j is (sessions with both) / sqrt(sessions with i
 * × sessions with j).
 */
final class ExactItemKnn implements Recommender {

    private final Map<String, Map<String, Integer>> together = new HashMap<>();
    private final Map<String, Integer> support = new HashMap<>();

    ExactItemKnn(List<Session> training) {
        for (Session session : training) {
            Set<String> items = new LinkedHashSet<>(session.items());
            for (String a : items) {
                support.merge(a, 1, Integer::sum);
                for (String b : items) {
                    if (!a.equals(b)) {
                        together.computeIfAbsent(a, x -> new HashMap<>()).merge(b, 1, Integer::sum);
                    }
                }
            }
        }
    }

    @Override
    public String name() {
        return "exact item-kNN (baseline)";
    }

    @Override
    public List<String> recommend(String userId, List<String> prefix, int k) {
        String last = prefix.get(prefix.size() - 1);
        Map<String, Integer> partners = together.getOrDefault(last, Map.of());
        Map<String, Double> scores = new HashMap<>();
        partners.forEach(
                (item, count) ->
                        scores.put(
                                item,
                                count / Math.sqrt((double) support.get(last) * support.get(item))));
        return Ranking.top(scores, prefix, k);
    }
}
