package io.github.clickstream.appliance.models.compiled;

import io.github.clickstream.appliance.models.Contribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sums contributions per feature and keeps the strongest non-zero ones (by absolute value). */
final class TopContributions {

    private final Map<String, Double> byFeature = new LinkedHashMap<>();

    void add(String feature, double value) {
        byFeature.merge(feature, value, Double::sum);
    }

    List<Contribution> top(int n) {
        List<Contribution> all = new ArrayList<>();
        byFeature.forEach(
                (feature, value) -> {
                    if (value != 0.0) {
                        all.add(new Contribution(feature, value));
                    }
                });
        all.sort(
                Comparator.comparingDouble((Contribution c) -> -Math.abs(c.value()))
                        .thenComparing(Contribution::feature));
        return List.copyOf(all.subList(0, Math.min(n, all.size())));
    }
}
