package io.github.clickstream.appliance.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The sparse random projection against the exact computation: on a generated catalogue, the cosine
 * of two items' projected vectors must track the cosine of their exact co-occurrence rows (sessions
 * in which both were viewed), computed here in plain Java with maps.
 */
class ProjectionAccuracyTest {

    private static final long GAP = 30 * 60_000L;

    @Test
    void projectedCosineTracksExactCooccurrenceCosine() {
        Map<String, Map<String, Double>> exact = exactCooccurrence();
        List<String> popular =
                exact.entrySet().stream()
                        .sorted(
                                Comparator.comparingDouble(
                                        (Map.Entry<String, Map<String, Double>> e) ->
                                                -e.getValue().size()))
                        .limit(120)
                        .map(Map.Entry::getKey)
                        .toList();
        Map<String, float[]> projected = new HashMap<>();
        for (String item : popular) {
            float[] vector = new float[SimilarityConfig.DEFAULTS.dims()];
            exact.get(item)
                    .forEach(
                            (partner, weight) ->
                                    ItemSignature.addTo(
                                            vector,
                                            partner,
                                            weight,
                                            SimilarityConfig.DEFAULTS.nonZeros()));
            projected.put(item, vector);
        }
        List<Double> exactCosines = new ArrayList<>();
        List<Double> projectedCosines = new ArrayList<>();
        for (int i = 0; i < popular.size(); i++) {
            for (int k = i + 1; k < popular.size(); k++) {
                exactCosines.add(cosine(exact.get(popular.get(i)), exact.get(popular.get(k))));
                projectedCosines.add(
                        cosine(projected.get(popular.get(i)), projected.get(popular.get(k))));
            }
        }

        double correlation = pearson(exactCosines, projectedCosines);
        System.out.printf(
                "projection vs exact cosine: %d pairs, Pearson %.3f%n",
                exactCosines.size(), correlation);
        assertThat(correlation).isGreaterThanOrEqualTo(0.9);
    }

    /** Item → partner → number of sessions in which both were viewed. */
    private static Map<String, Map<String, Double>> exactCooccurrence() {
        ClickstreamGenerator generator =
                new ClickstreamGenerator(GeneratorConfig.of(1_500, 300, 14, 3));
        Map<String, List<ClickEvent>> byUser = new HashMap<>();
        generator.forEachRemaining(
                e -> {
                    if (e.itemId() != null) {
                        byUser.computeIfAbsent(e.userId(), u -> new ArrayList<>()).add(e);
                    }
                });
        Map<String, Map<String, Double>> counts = new HashMap<>();
        for (List<ClickEvent> events : byUser.values()) {
            events.sort(Comparator.comparingLong(ClickEvent::timestamp));
            Set<String> session = new HashSet<>();
            long last = Long.MIN_VALUE;
            for (ClickEvent event : events) {
                if (event.timestamp() - last > GAP) {
                    count(session, counts);
                    session.clear();
                }
                session.add(event.itemId());
                last = event.timestamp();
            }
            count(session, counts);
        }
        return counts;
    }

    private static void count(Set<String> session, Map<String, Map<String, Double>> counts) {
        for (String a : session) {
            for (String b : session) {
                if (!a.equals(b)) {
                    counts.computeIfAbsent(a, x -> new HashMap<>()).merge(b, 1.0, Double::sum);
                }
            }
        }
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        double dot = 0;
        for (Map.Entry<String, Double> e : a.entrySet()) {
            dot += e.getValue() * b.getOrDefault(e.getKey(), 0.0);
        }
        return dot / (norm(a.values()) * norm(b.values()));
    }

    private static double norm(Iterable<Double> values) {
        double sum = 0;
        for (double v : values) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }

    private static double pearson(List<Double> x, List<Double> y) {
        double mx = x.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double my = y.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.size(); i++) {
            sxy += (x.get(i) - mx) * (y.get(i) - my);
            sxx += (x.get(i) - mx) * (x.get(i) - mx);
            syy += (y.get(i) - my) * (y.get(i) - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
