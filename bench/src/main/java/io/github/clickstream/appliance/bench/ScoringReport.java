package io.github.clickstream.appliance.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link ScoringBenchmark} through JMH (hand-written only on the logistic regression, where it
 * means something) and prints scores per second per model with the ratios against the goals. Usage:
 * {@code bench/scoring.sh}.
 */
public final class ScoringReport {

    private static final String BENCHMARK = Pattern.quote(ScoringBenchmark.class.getName());
    private static final List<String> MODELS =
            List.of("purchase_propensity", "churn_risk", "segment");
    private static final double GOAL_PER_CORE = 1_000_000;
    private static final double GOAL_VS_NAIVE = 4.0;
    private static final double GOAL_VS_HAND_WRITTEN = 3.0;

    public static void main(String[] args) throws Exception {
        List<RunResult> results = new ArrayList<>();
        results.addAll(run(new OptionsBuilder().include(BENCHMARK + "\\.(compiled|naiveJpmml)$")));
        results.addAll(
                run(
                        new OptionsBuilder()
                                .include(BENCHMARK + "\\.handWritten$")
                                .param("model", "purchase_propensity")));
        print(scores(results));
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    /** Model to benchmark method to ops/s. */
    private static Map<String, Map<String, Double>> scores(Collection<RunResult> results) {
        Map<String, Map<String, Double>> scores = new HashMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            scores.computeIfAbsent(result.getParams().getParam("model"), m -> new HashMap<>())
                    .put(method, result.getPrimaryResult().getScore());
        }
        return scores;
    }

    private static void print(Map<String, Map<String, Double>> scores) {
        System.out.printf(
                "%nscores/s on one thread (%d cores); goals: >= %,.0f/s for logistic and tree,"
                        + " compiled/naive >= %.0fx, hand-written/compiled <= %.0fx%n%n",
                Runtime.getRuntime().availableProcessors(),
                GOAL_PER_CORE,
                GOAL_VS_NAIVE,
                GOAL_VS_HAND_WRITTEN);
        System.out.printf(
                "%-20s %14s %14s %14s %16s %18s%n",
                "model",
                "compiled",
                "naive jpmml",
                "hand-written",
                "compiled/naive",
                "hand/compiled");
        for (String model : MODELS) {
            Map<String, Double> s = scores.getOrDefault(model, Map.of());
            double compiled = s.getOrDefault("compiled", Double.NaN);
            double naive = s.getOrDefault("naiveJpmml", Double.NaN);
            double hand = s.getOrDefault("handWritten", Double.NaN);
            boolean perCoreGoal = !model.equals("segment");
            System.out.printf(
                    "%-20s %14s %14s %14s %16s %18s%n",
                    model,
                    rate(compiled) + (perCoreGoal ? mark(compiled >= GOAL_PER_CORE) : "  "),
                    rate(naive),
                    rate(hand),
                    ratio(compiled / naive) + mark(compiled / naive >= GOAL_VS_NAIVE),
                    Double.isNaN(hand)
                            ? "-"
                            : ratio(hand / compiled)
                                    + mark(hand / compiled <= GOAL_VS_HAND_WRITTEN));
        }
        System.out.println(
                "\nok = goal met, MISS = goal missed; hand-written is measured on the logistic"
                        + " regression only; the k-means has no per-core goal.");
    }

    private static String rate(double opsPerSecond) {
        return Double.isNaN(opsPerSecond) ? "-" : String.format("%,.0f", opsPerSecond);
    }

    private static String ratio(double value) {
        return String.format("%.1fx", value);
    }

    private static String mark(boolean met) {
        return met ? " ok" : " MISS";
    }
}
