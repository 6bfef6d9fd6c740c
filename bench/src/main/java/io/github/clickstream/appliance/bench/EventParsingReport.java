package io.github.clickstream.appliance.bench;

import java.util.List;
import java.util.Map;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * JSON events parsed per second on one thread: the job's parser against Jackson databind and
 * DSL-JSON ({@link EventParsingBenchmark}), each in its own JMH fork, interleaved in rounds. The
 * issue sets no goal; the ratios say what validation and the canonical record cost. Usage: {@code
 * EventParsingReport [rounds]}.
 */
public final class EventParsingReport {

    static final String NAME = "parsing";

    private EventParsingReport() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        try (BenchContext context = new BenchContext(false, rounds)) {
            System.out.print(ResultsTable.text(run(context)));
        }
    }

    static List<Figure> run(BenchContext context) throws Exception {
        JmhRounds jmh = JmhRounds.forSuite(context, TimeValue.seconds(1));
        Map<String, double[]> scores =
                jmh.run(List.of(variant("ours"), variant("jacksonDatabind"), variant("dslJson")));
        return List.of(
                figure("Jackson databind", scores.get("jacksonDatabind"), scores),
                figure("DSL-JSON", scores.get("dslJson"), scores));
    }

    private static Figure figure(
            String baselineLabel, double[] baseline, Map<String, double[]> scores) {
        return new Figure(
                NAME,
                "JSON events parsed on one thread",
                "events/s",
                "ClickEventParser",
                baselineLabel,
                scores.get("ours"),
                baseline,
                Goal.NONE);
    }

    private static JmhRounds.Variant variant(String method) {
        return new JmhRounds.Variant(method, EventParsingBenchmark.class, method, Map.of());
    }
}
