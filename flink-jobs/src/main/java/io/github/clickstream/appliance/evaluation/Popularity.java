package io.github.clickstream.appliance.evaluation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The popularity baseline: the items in the most training sessions, for everyone. */
final class Popularity implements Recommender {

    private static final int KEPT = 1_000;

    private final List<String> ranked;

    Popularity(List<Session> training) {
        Map<String, Double> sessions = new HashMap<>();
        for (Session session : training) {
            session.items().stream().distinct().forEach(i -> sessions.merge(i, 1.0, Double::sum));
        }
        ranked = Ranking.top(sessions, List.of(), KEPT);
    }

    @Override
    public String name() {
        return "popularity (baseline)";
    }

    @Override
    public List<String> recommend(String userId, List<String> prefix, int k) {
        return ranked.stream().filter(i -> !prefix.contains(i)).limit(k).toList();
    }
}
