package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.jobs.LocalEnvironments;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.pipeline.ClickstreamPipeline;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSink;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Events per second through the whole job (parse, dedup, sessionize, features, metrics,
 * Elasticsearch sink to a real node) against a pass-through job (source to a discarding sink) on
 * the same input, same Flink, same parallelism, run interleaved in one process after one uncounted
 * warm-up round of each. Also events per CPU-second of all processes (this JVM, where Flink runs,
 * plus the Elasticsearch node), the per-core figure. Usage: {@code bench/pipeline.sh [users]
 * [rounds] [days]}.
 */
public final class PipelineThroughputBenchmark {

    static final String NAME = "pipeline";

    /** Issue 9's end-to-end goal, per core; here without Kafka in front (in-memory source). */
    private static final double GOAL_EVENTS_PER_CPU_SECOND = 40_000;

    private PipelineThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 14;
        try (BenchContext context = new BenchContext(false, rounds)) {
            System.out.print(ResultsTable.text(run(users, days, context)));
        }
    }

    static List<Figure> run(BenchContext context) throws Exception {
        // Few days for the quick run: the per-minute metrics make the cost grow with simulated
        // time.
        return context.quick() ? run(1_000, 2, context) : run(5_000, 14, context);
    }

    static List<Figure> run(int users, int days, BenchContext context) throws Exception {
        List<RawEvent> input = input(users, days);
        System.out.printf(
                "  input: %,d events from %,d generated users over %d days%n",
                input.size(), users, days);
        BenchElasticsearch es = context.freshElasticsearch();
        ElasticsearchConnection connection = es.connection();
        // One round of each first, not counted: the JIT and the page cache warm up.
        measure(input, env -> passThrough(env, input), es);
        measure(input, env -> fullPipeline(env, input, connection), es);
        int rounds = context.rounds();
        double[] baseline = new double[rounds];
        double[] pipeline = new double[rounds];
        double[] baselinePerCpu = new double[rounds];
        double[] pipelinePerCpu = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Run b = measure(input, env -> passThrough(env, input), es);
            Run p = measure(input, env -> fullPipeline(env, input, connection), es);
            baseline[round] = b.eventsPerSecond();
            pipeline[round] = p.eventsPerSecond();
            baselinePerCpu[round] = b.eventsPerCpuSecond();
            pipelinePerCpu[round] = p.eventsPerCpuSecond();
            System.out.printf(
                    "  round %d: pass-through %s events/s (%s per CPU-s), pipeline %s events/s"
                            + " (%s per CPU-s)%n",
                    round + 1,
                    Numbers.format(baseline[round]),
                    Numbers.format(baselinePerCpu[round]),
                    Numbers.format(pipeline[round]),
                    Numbers.format(pipelinePerCpu[round]));
        }
        return List.of(
                new Figure(
                        NAME,
                        "throughput, parallelism 2, " + input.size() + " events",
                        "events/s",
                        "whole job",
                        "pass-through",
                        pipeline,
                        baseline,
                        Goal.NONE),
                new Figure(
                        NAME,
                        "events per CPU-second (Flink JVM + Elasticsearch)",
                        "events/CPU-s",
                        "whole job",
                        "pass-through",
                        pipelinePerCpu,
                        baselinePerCpu,
                        Goal.oursAtLeast(GOAL_EVENTS_PER_CPU_SECOND, "events/CPU-s")));
    }

    /** One job's run: events over wall-clock seconds and over CPU-seconds of every process. */
    private record Run(double eventsPerSecond, double eventsPerCpuSecond) {}

    private interface Job {
        void wire(StreamExecutionEnvironment env) throws Exception;
    }

    private static Run measure(List<RawEvent> input, Job job, BenchElasticsearch es)
            throws Exception {
        StreamExecutionEnvironment env =
                LocalEnvironments.withCheckpointsIn(
                        Files.createTempDirectory("bench-checkpoints-"), 2);
        env.enableCheckpointing(5_000);
        job.wire(env);
        double cpuBefore = cpuSeconds(es);
        long start = System.nanoTime();
        env.execute();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds(es) - cpuBefore;
        return new Run(input.size() / seconds, input.size() / cpu);
    }

    private static double cpuSeconds(BenchElasticsearch es) {
        return ProcessCpu.thisJvmNanos() / 1e9 + es.cpuSeconds();
    }

    private static void passThrough(StreamExecutionEnvironment env, List<RawEvent> input) {
        env.fromData(input).sinkTo(new DiscardingSink<>());
    }

    private static void fullPipeline(
            StreamExecutionEnvironment env, List<RawEvent> input, ElasticsearchConnection es) {
        PipelineConfig config = PipelineConfig.defaults();
        DataStream<RawEvent> raw = ClickstreamPipeline.withEventTime(env.fromData(input), config);
        ClickstreamPipeline.build(raw, config)
                .documentWrites()
                .sinkTo(new ElasticsearchSink(ElasticsearchSinkConfig.defaults(es)));
    }

    private static List<RawEvent> input(int users, int days) {
        List<RawEvent> events = new ArrayList<>();
        ClickstreamGenerator generator =
                new ClickstreamGenerator(
                        new GeneratorConfig(users, 5_000, days, 1, GeneratorConfig.DEFAULT_START));
        long offset = 0;
        while (generator.hasNext()) {
            ClickEvent event = generator.next();
            events.add(new RawEvent(ClickEventJson.toJson(event), "bench@" + offset++, 0));
        }
        return events;
    }

    /** Drops everything: the baseline's sink costs nothing. */
    private static final class DiscardingSink<T> implements Sink<T> {
        @Override
        public SinkWriter<T> createWriter(WriterInitContext context) {
            return new SinkWriter<>() {
                @Override
                public void write(T element, Context context) {}

                @Override
                public void flush(boolean endOfInput) {}

                @Override
                public void close() {}
            };
        }
    }
}
