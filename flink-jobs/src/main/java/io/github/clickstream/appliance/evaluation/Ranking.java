package io.github.clickstream.appliance.evaluation;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Ranks scored items: best first, ties by id, leaving out the items already seen. */
final class Ranking {

    private Ranking() {}

    static List<String> top(Map<String, Double> scores, Collection<String> seen, int k) {
        return scores.entrySet().stream()
                .filter(e -> !seen.contains(e.getKey()) && e.getValue() > 0)
                .sorted(
                        Comparator.comparingDouble((Map.Entry<String, Double> e) -> -e.getValue())
                                .thenComparing(Map.Entry::getKey))
                .limit(k)
                .map(Map.Entry::getKey)
                .toList();
    }
}
