package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.jobs.ClickstreamJob;
import io.github.clickstream.appliance.jobs.JobConfig;
import io.github.clickstream.appliance.jobs.LocalEnvironments;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;

/**
 * End to end through a real Kafka: a generated shop pre-loaded as JSON into a topic of {@value
 * #PARTITIONS} partitions, read to its end by the production job ({@link ClickstreamJob}, writing
 * to the real Elasticsearch) and by a Nexmark-q11-style baseline ({@link SessionCountJob}), on the
 * same local Flink (parallelism {@value #PARALLELISM}, the default heap state backend, checkpoints
 * every 5 s to a folder), alternating after one uncounted run of each. Figures: events/s, events
 * per CPU-second of all processes ({@link RunCpu}) and of the Flink JVM alone, Elasticsearch writes
 * and late events per event; then event-to-visible latency of the job running live at half the
 * measured rate ({@link VisibilityLatency}). Usage: {@code bench/e2e.sh [users] [rounds] [days]}.
 */
public final class EndToEndBenchmark {

    static final String NAME = "e2e";
    static final int PARTITIONS = 4;
    static final int PARALLELISM = 2;
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
    private static final double GOAL_EVENTS_PER_CPU_SECOND = 40_000;
    private static final String TOPIC = "e2e-clickstream";
    private static final int MIN_LIVE_RATE = 50;
    private static final String OURS = "whole job";
    private static final String BASELINE = "q11-style session count";

    /** One job's run over the whole topic. */
    private record Run(
            double eventsPerSecond,
            double eventsPerCpuSecond,
            double eventsPerFlinkCpuSecond,
            double writesPerEvent,
            double lateShare) {}

    private final BenchKafka kafka;
    private final BenchElasticsearch es;
    private final ElasticsearchCounts counts;
    private final long events;
    private int runs;

    private EndToEndBenchmark(BenchKafka kafka, BenchElasticsearch es, long events) {
        this.kafka = kafka;
        this.es = es;
        this.counts = new ElasticsearchCounts(es.url());
        this.events = events;
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 14;
        try (BenchContext context = new BenchContext(false, rounds)) {
            System.out.print(ResultsTable.text(run(users, days, Duration.ofSeconds(20), context)));
        }
    }

    static List<Figure> run(BenchContext context) throws Exception {
        return context.quick()
                ? run(300, 2, Duration.ofSeconds(5), context)
                : run(5_000, 14, Duration.ofSeconds(20), context);
    }

    static List<Figure> run(int users, int days, Duration latencyRound, BenchContext context)
            throws Exception {
        // Kafka starts while Elasticsearch does (or is emptied): both take tens of seconds here.
        CompletableFuture<BenchKafka> starting = CompletableFuture.supplyAsync(BenchKafka::start);
        BenchElasticsearch es;
        try {
            es = context.freshElasticsearch();
        } catch (Exception e) {
            starting.thenAccept(BenchKafka::close);
            throw e;
        }
        GeneratorConfig shop =
                new GeneratorConfig(users, 5_000, days, 1, GeneratorConfig.DEFAULT_START);
        try (BenchKafka kafka = starting.join()) {
            long events = TopicLoader.load(kafka, TOPIC, PARTITIONS, shop);
            System.out.printf(
                    "  %,d events from %,d generated users over %d days in %d partitions%n",
                    events, users, days, PARTITIONS);
            EndToEndBenchmark bench = new EndToEndBenchmark(kafka, es, events);
            List<Figure> figures = new ArrayList<>(bench.throughput(context.rounds()));
            int rate = (int) Math.max(MIN_LIVE_RATE, figures.get(0).oursMedian() / 2);
            figures.addAll(bench.latency(shop, rate, latencyRound, context.rounds()));
            return figures;
        }
    }

    private List<Figure> throughput(int rounds) throws Exception {
        // One run of each first, not counted: the JIT, the page cache, the first index creations.
        measure(true);
        measure(false);
        double[][] ours = new double[5][rounds];
        double[][] q11 = new double[3][rounds];
        for (int round = 0; round < rounds; round++) {
            Run o = measure(true);
            Run b = measure(false);
            ours[0][round] = o.eventsPerSecond();
            ours[1][round] = o.eventsPerCpuSecond();
            ours[2][round] = o.eventsPerFlinkCpuSecond();
            ours[3][round] = o.writesPerEvent();
            ours[4][round] = o.lateShare();
            q11[0][round] = b.eventsPerSecond();
            q11[1][round] = b.eventsPerCpuSecond();
            q11[2][round] = b.eventsPerFlinkCpuSecond();
            System.out.printf(
                    "  round %d: job %s events/s (%s per CPU-s, %s per Flink CPU-s, %s ES writes"
                            + " per event, %s late) | q11 %s events/s (%s per CPU-s, %s per Flink"
                            + " CPU-s)%n",
                    round + 1,
                    Numbers.format(o.eventsPerSecond()),
                    Numbers.format(o.eventsPerCpuSecond()),
                    Numbers.format(o.eventsPerFlinkCpuSecond()),
                    Numbers.format(o.writesPerEvent()),
                    Numbers.format(o.lateShare()),
                    Numbers.format(b.eventsPerSecond()),
                    Numbers.format(b.eventsPerCpuSecond()),
                    Numbers.format(b.eventsPerFlinkCpuSecond()));
        }
        double[] none = new double[0];
        return List.of(
                figure(
                        "Kafka to Elasticsearch, parallelism 2, " + events + " events",
                        "events/s",
                        ours[0],
                        q11[0],
                        Goal.NONE),
                figure(
                        "events per CPU-second (Flink JVM + Elasticsearch + Kafka)",
                        "events/CPU-s",
                        ours[1],
                        q11[1],
                        Goal.oursAtLeast(GOAL_EVENTS_PER_CPU_SECOND, "events/CPU-s")),
                figure(
                        "events per CPU-second of the Flink JVM alone",
                        "events/CPU-s",
                        ours[2],
                        q11[2],
                        Goal.NONE),
                figure("Elasticsearch writes per event", "writes/event", ours[3], none, Goal.NONE),
                figure("share of events dead-lettered as late", "share", ours[4], none, Goal.NONE));
    }

    private List<Figure> latency(GeneratorConfig shop, int rate, Duration round, int rounds)
            throws Exception {
        System.out.printf(
                "  latency: the job live at %d events/s (half the measured rate), %d rounds of"
                        + " %s%n",
                rate, rounds, round);
        List<VisibilityLatency.Round> results =
                new VisibilityLatency(kafka, es.url(), shop)
                        .measure(jobConfig("e2e-live", "e2e-live", false), rate, round, rounds);
        double[] p50 = new double[rounds];
        double[] p99 = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            VisibilityLatency.Round result = results.get(r);
            p50[r] = result.p50();
            p99[r] = result.p99();
            System.out.printf(
                    "  latency round %d: %d markers, p50 %s ms, p99 %s ms%n",
                    r + 1, result.markers(), Numbers.format(p50[r]), Numbers.format(p99[r]));
        }
        String what = "event to visible in Elasticsearch %s at " + rate + " events/s";
        double[] none = new double[0];
        return List.of(
                figure(what.formatted("p50"), "ms", p50, none, Goal.NONE),
                figure(what.formatted("p99"), "ms", p99, none, Goal.NONE));
    }

    private static Figure figure(
            String name, String unit, double[] ours, double[] baseline, Goal goal) {
        return new Figure(NAME, name, unit, OURS, BASELINE, ours, baseline, goal);
    }

    private Run measure(boolean ours) throws Exception {
        Path checkpoints = Files.createTempDirectory("bench-e2e-");
        try {
            StreamExecutionEnvironment env =
                    LocalEnvironments.withCheckpointsIn(checkpoints, PARALLELISM);
            String group = (ours ? "e2e-job-" : "e2e-q11-") + runs++;
            if (ours) {
                ClickstreamJob.wire(env, jobConfig(TOPIC, group, true)); // checkpoints as below
                counts.clearDeadLetters();
            } else {
                env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
                SessionCountJob.wire(
                        env,
                        kafka.bootstrapServers(),
                        TOPIC,
                        group,
                        PipelineConfig.DEFAULT_SESSION_GAP,
                        PipelineConfig.DEFAULT_OUT_OF_ORDERNESS);
            }
            long writesBefore = counts.documentWrites();
            RunCpu before = RunCpu.now(es, kafka);
            long start = System.nanoTime();
            JobExecutionResult result = env.execute(group);
            double seconds = (System.nanoTime() - start) / 1e9;
            RunCpu used = RunCpu.now(es, kafka).minus(before);
            long writes = counts.documentWrites() - writesBefore;
            Object counted = result.getAccumulatorResult(SessionCountJob.COUNTED);
            if (ours ? writes == 0 : !Long.valueOf(events).equals(counted)) {
                throw new IllegalStateException(
                        group
                                + " did not process the topic: "
                                + writes
                                + " documents written, "
                                + counted
                                + " of "
                                + events
                                + " events counted");
            }
            return new Run(
                    events / seconds,
                    events / used.total(),
                    events / used.flinkJvm(),
                    writes / (double) events,
                    ours ? counts.deadLetters(DeadLetterReason.LATE_EVENT) / (double) events : 0);
        } finally {
            FileUtils.deleteDirectoryQuietly(checkpoints.toFile());
        }
    }

    private JobConfig jobConfig(String topic, String group, boolean bounded) {
        return new JobConfig(
                kafka.bootstrapServers(),
                topic,
                group,
                "e2e-dead-letters",
                "e2e-models",
                "e2e-marketing-actions",
                bounded,
                CHECKPOINT_INTERVAL,
                ElasticsearchSinkConfig.defaults(es.connection()),
                PipelineConfig.defaults());
    }
}
