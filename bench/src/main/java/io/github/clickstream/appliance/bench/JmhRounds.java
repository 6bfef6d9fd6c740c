package io.github.clickstream.appliance.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs JMH benchmark methods interleaved: in every round each method gets one fresh fork (warm-up
 * then measurement; or a run in this JVM for quick runs), one after the other, so load from other
 * work on the machine spreads over all of them instead of landing on whichever ran last. Returns
 * ops/s per method per round.
 */
final class JmhRounds {

    /** One benchmark method with the JMH parameters to run it with. */
    record Variant(String key, Class<?> benchmark, String method, Map<String, String> params) {}

    private final int rounds;
    private final int forks;
    private final int warmupIterations;
    private final TimeValue warmupTime;
    private final int measurementIterations;
    private final TimeValue measurementTime;

    /**
     * @param forks 1 for a fresh JVM per variant and round; 0 runs in this JVM, which saves the
     *     start-up of a JVM per run but lets the variants share one JIT profile (quick runs only)
     */
    JmhRounds(
            int rounds,
            int forks,
            int warmupIterations,
            TimeValue warmupTime,
            int measurementIterations,
            TimeValue measurementTime) {
        this.rounds = rounds;
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.measurementIterations = measurementIterations;
        this.measurementTime = measurementTime;
    }

    /**
     * The suite's settings: quick runs stay in this JVM with 2 × 1 s of warm-up and one 1 s
     * measurement; full runs fork per variant and round, with 3 warm-up iterations of {@code
     * warmupIteration} and 3 × 1 s measured.
     */
    static JmhRounds forSuite(BenchContext context, TimeValue warmupIteration) {
        return context.quick()
                ? new JmhRounds(
                        context.rounds(), 0, 2, TimeValue.seconds(1), 1, TimeValue.seconds(1))
                : new JmhRounds(context.rounds(), 1, 3, warmupIteration, 3, TimeValue.seconds(1));
    }

    /** Variant key to ops/s in each round. */
    Map<String, double[]> run(List<Variant> variants) throws RunnerException {
        Map<String, double[]> scores = new LinkedHashMap<>();
        variants.forEach(v -> scores.put(v.key(), new double[rounds]));
        for (int round = 0; round < rounds; round++) {
            for (Variant variant : variants) {
                double score = runOnce(variant);
                scores.get(variant.key())[round] = score;
                System.out.printf(
                        "  round %d: %-40s %s ops/s%n",
                        round + 1, variant.key(), Numbers.format(score));
            }
        }
        return scores;
    }

    private double runOnce(Variant variant) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(
                        Pattern.quote(variant.benchmark().getName())
                                + "\\."
                                + variant.method()
                                + "$")
                .forks(forks)
                .jvmArgs("-Xmx1g")
                .warmupIterations(warmupIterations)
                .warmupTime(warmupTime)
                .measurementIterations(measurementIterations)
                .measurementTime(measurementTime)
                .verbosity(VerboseMode.SILENT);
        variant.params().forEach(options::param);
        RunResult result = new Runner(options.build()).runSingle();
        return result.getPrimaryResult().getScore();
    }
}
