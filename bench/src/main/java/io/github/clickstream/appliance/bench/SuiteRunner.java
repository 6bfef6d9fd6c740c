package io.github.clickstream.appliance.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs every benchmark in turn (each interleaves ours and its baseline over the same rounds),
 * prints one table of all figures and writes it with the machine description to {@code latest.md}
 * and {@code latest.json}. A benchmark that fails is reported and the others still run. Usage:
 * {@code bench/run.sh [--quick] [--rounds N] [--only NAME,...]}.
 */
@Command(
        name = "bench/run.sh",
        mixinStandardHelpOptions = true,
        description =
                "Measures the appliance against its baselines, side by side, on this machine.")
public final class SuiteRunner implements Callable<Integer> {

    /** One benchmark of the suite as a library call. */
    @FunctionalInterface
    interface Benchmark {
        List<Figure> run(BenchContext context) throws Exception;
    }

    /** In this order: the JMH ones first, before Elasticsearch runs on the same cores. */
    static final Map<String, Benchmark> BENCHMARKS = new LinkedHashMap<>();

    static {
        BENCHMARKS.put(EventParsingReport.NAME, EventParsingReport::run);
        BENCHMARKS.put(ScoringReport.NAME, ScoringReport::run);
        BENCHMARKS.put(IngestBenchmark.NAME, IngestBenchmark::run);
        BENCHMARKS.put(PipelineThroughputBenchmark.NAME, PipelineThroughputBenchmark::run);
        BENCHMARKS.put(EndToEndBenchmark.NAME, EndToEndBenchmark::run);
        BENCHMARKS.put(ApiLatencyBenchmark.NAME, ApiLatencyBenchmark::run);
        BENCHMARKS.put(AudienceBenchmark.NAME, AudienceBenchmark::run);
        BENCHMARKS.put(MemoryBenchmark.NAME, MemoryBenchmark::run);
        BENCHMARKS.put(AnnRecallBenchmark.NAME, AnnRecallBenchmark::run);
    }

    @Option(
            names = "--quick",
            description = "Fewer, shorter rounds on less data (under 10 minutes on 2 cores).")
    boolean quick;

    @Option(
            names = "--rounds",
            description = "Measured rounds per benchmark (default: 3 with --quick, 5 without).")
    Integer rounds;

    @Option(
            names = "--only",
            split = ",",
            description = "Run only these benchmarks: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Names.class)
    List<String> only;

    @Option(
            names = "--results",
            defaultValue = "bench/results",
            description = "Folder for latest.md and latest.json (default: ${DEFAULT-VALUE}).")
    Path results;

    public static void main(String[] args) {
        System.exit(new CommandLine(new SuiteRunner()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        List<String> selected = only == null ? List.copyOf(BENCHMARKS.keySet()) : only;
        for (String name : selected) {
            if (!BENCHMARKS.containsKey(name)) {
                throw new CommandLine.ParameterException(
                        new CommandLine(this),
                        "unknown benchmark '" + name + "'; choose from " + BENCHMARKS.keySet());
            }
        }
        MachineDescription machine = MachineDescription.ofThisMachine();
        int roundCount = rounds != null ? rounds : quick ? 3 : 5;
        System.out.println("Machine: " + machine.oneLine());
        List<Figure> figures = new ArrayList<>();
        Map<String, String> failures = new LinkedHashMap<>();
        long start = System.nanoTime();
        try (BenchContext context = new BenchContext(quick, roundCount)) {
            for (String name : selected) {
                long began = System.nanoTime();
                System.out.printf(
                        "%n== %s (%d rounds%s)%n", name, roundCount, quick ? ", quick" : "");
                try {
                    figures.addAll(BENCHMARKS.get(name).run(context));
                } catch (Exception | Error e) { // one broken benchmark must not hide the others
                    e.printStackTrace();
                    failures.put(name, e.toString());
                }
                System.out.printf("   %s took %.0f s%n", name, (System.nanoTime() - began) / 1e9);
            }
        }
        String table = ResultsTable.text(figures);
        System.out.printf(
                "%nAll figures (%.1f minutes; ratio = ours / baseline, medians of %d rounds):%n%n%s",
                (System.nanoTime() - start) / 60e9, roundCount, table);
        failures.forEach((name, error) -> System.out.println("FAILED " + name + ": " + error));
        ResultFiles.write(results, command(), machine, figures, failures);
        System.out.println("Written to " + results.resolve("latest.md") + " and latest.json");
        return failures.isEmpty() ? 0 : 1;
    }

    private String command() {
        StringBuilder command = new StringBuilder("bench/run.sh");
        if (quick) {
            command.append(" --quick");
        }
        if (rounds != null) {
            command.append(" --rounds ").append(rounds);
        }
        if (only != null) {
            command.append(" --only ").append(String.join(",", only));
        }
        return command.toString();
    }

    /** The benchmark names, for the help text. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return BENCHMARKS.keySet().iterator();
        }
    }
}
