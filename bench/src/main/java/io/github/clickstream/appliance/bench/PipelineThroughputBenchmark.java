package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.jobs.LocalEnvironments;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.ElasticsearchOptions;
import io.github.clickstream.appliance.localstack.LocalStack;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.pipeline.ClickstreamPipeline;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSink;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Events per second through the whole job (parse, dedup, sessionize, features, Elasticsearch sink
 * to a real node) against a pass-through job (source to a discarding sink) on the same input, same
 * Flink, same parallelism, run interleaved in one process. Prints each round, the medians and the
 * ratio, after one uncounted warm-up round of each. Usage: {@code bench/run.sh [users] [rounds]}.
 */
public final class PipelineThroughputBenchmark {

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<RawEvent> input = input(users);
        System.out.printf("input: %,d events from %,d generated users%n", input.size(), users);
        try (ElasticsearchNode es =
                LocalStack.startElasticsearch(ElasticsearchOptions.defaults())) {
            ElasticsearchConnection connection = ElasticsearchConnection.of(es.httpUrl());
            IndexSetup.apply(connection);
            // One round of each first, not counted: the JIT and the page cache warm up.
            eventsPerSecond(input, env -> passThrough(env, input));
            eventsPerSecond(input, env -> fullPipeline(env, input, connection));
            double[] baseline = new double[rounds];
            double[] pipeline = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                baseline[round] = eventsPerSecond(input, env -> passThrough(env, input));
                pipeline[round] =
                        eventsPerSecond(input, env -> fullPipeline(env, input, connection));
                System.out.printf(
                        "round %d: pass-through %,.0f events/s, pipeline %,.0f events/s%n",
                        round + 1, baseline[round], pipeline[round]);
            }
            double b = median(baseline);
            double p = median(pipeline);
            System.out.printf(
                    "median: pass-through %,.0f events/s, pipeline %,.0f events/s, ratio %.2f%n",
                    b, p, p / b);
        }
    }

    private interface Job {
        void wire(StreamExecutionEnvironment env) throws Exception;
    }

    private static double eventsPerSecond(List<RawEvent> input, Job job) throws Exception {
        StreamExecutionEnvironment env =
                LocalEnvironments.withCheckpointsIn(
                        Files.createTempDirectory("bench-checkpoints-"), 2);
        env.enableCheckpointing(5_000);
        job.wire(env);
        long start = System.nanoTime();
        env.execute();
        return input.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static void passThrough(StreamExecutionEnvironment env, List<RawEvent> input) {
        env.fromData(input).sinkTo(new DiscardingSink<>());
    }

    private static void fullPipeline(
            StreamExecutionEnvironment env, List<RawEvent> input, ElasticsearchConnection es) {
        DataStream<RawEvent> raw = env.fromData(input);
        ClickstreamPipeline.build(raw, PipelineConfig.defaults())
                .documentWrites()
                .sinkTo(new ElasticsearchSink(ElasticsearchSinkConfig.defaults(es)));
    }

    private static List<RawEvent> input(int users) {
        List<RawEvent> events = new ArrayList<>();
        ClickstreamGenerator generator =
                new ClickstreamGenerator(
                        new GeneratorConfig(users, 5_000, 14, 1, GeneratorConfig.DEFAULT_START));
        long offset = 0;
        while (generator.hasNext()) {
            ClickEvent event = generator.next();
            events.add(new RawEvent(ClickEventJson.toJson(event), "bench@" + offset++, 0));
        }
        return events;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
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
