package io.github.clickstream.appliance.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * PMML scores per second on one thread: {@link ScoringBenchmark}'s compiled scorer against jpmml
 * used per record, for each shipped model, and against a hand-written logistic regression on the
 * one model where that means something. Each round runs every variant in its own JMH fork, one
 * after the other. Usage: {@code bench/scoring.sh [rounds]}.
 */
public final class ScoringReport {

    static final String NAME = "scoring";
    private static final List<String> MODELS =
            List.of("purchase_propensity", "churn_risk", "segment");
    private static final double GOAL_PER_CORE = 1_000_000;
    private static final double GOAL_VS_NAIVE = 4.0;
    private static final double GOAL_VS_HAND_WRITTEN = 3.0;

    private ScoringReport() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        try (BenchContext context = new BenchContext(false, rounds)) {
            System.out.print(ResultsTable.text(run(context)));
        }
    }

    static List<Figure> run(BenchContext context) throws Exception {
        // jpmml's interpreter needs several seconds of JIT on 2 busy cores before it is steady
        JmhRounds jmh = JmhRounds.forSuite(context, TimeValue.seconds(2));
        List<JmhRounds.Variant> variants = new ArrayList<>();
        for (String model : MODELS) {
            variants.add(variant(model, "compiled"));
            variants.add(variant(model, "naiveJpmml"));
            if (model.equals("purchase_propensity")) {
                variants.add(variant(model, "handWritten"));
            }
        }
        Map<String, double[]> scores = jmh.run(variants);
        List<Figure> figures = new ArrayList<>();
        for (String model : MODELS) {
            Goal goal = Goal.ratioAtLeast(GOAL_VS_NAIVE);
            if (!model.equals("segment")) { // the k-means has no per-core goal
                goal = goal.and(Goal.oursAtLeast(GOAL_PER_CORE, "/s"));
            }
            figures.add(
                    new Figure(
                            NAME,
                            model + " scores on one thread",
                            "scores/s",
                            "compiled",
                            "naive jpmml",
                            scores.get(model + " compiled"),
                            scores.get(model + " naiveJpmml"),
                            goal));
        }
        figures.add(
                new Figure(
                        NAME,
                        "purchase_propensity vs hand-written Java",
                        "scores/s",
                        "compiled",
                        "hand-written",
                        scores.get("purchase_propensity compiled"),
                        scores.get("purchase_propensity handWritten"),
                        new Goal(
                                "hand-written <= "
                                        + Numbers.format(GOAL_VS_HAND_WRITTEN)
                                        + "x ours",
                                (ours, hand) -> hand / ours <= GOAL_VS_HAND_WRITTEN)));
        return figures;
    }

    private static JmhRounds.Variant variant(String model, String method) {
        return new JmhRounds.Variant(
                model + " " + method, ScoringBenchmark.class, method, Map.of("model", model));
    }
}
