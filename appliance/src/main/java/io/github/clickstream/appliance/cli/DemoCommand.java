package io.github.clickstream.appliance.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.github.clickstream.appliance.api.ApiKeys;
import io.github.clickstream.appliance.api.ApiRole;
import io.github.clickstream.appliance.api.ErasureConfig;
import io.github.clickstream.appliance.api.RunningSearchApi;
import io.github.clickstream.appliance.api.SearchApi;
import io.github.clickstream.appliance.api.SearchApiConfig;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.jobs.ClickstreamJob;
import io.github.clickstream.appliance.jobs.JobConfig;
import io.github.clickstream.appliance.jobs.LocalEnvironments;
import io.github.clickstream.appliance.localstack.LocalStack;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.replay.KafkaEventPublisher;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The local demo: starts Elasticsearch and Kafka on loopback, applies the mappings, runs the Flink
 * job in-process and the search API, streams the generator's clickstream through Kafka and shows a
 * live status line until Ctrl-C, {@code --duration} or {@code --events}.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Run the whole appliance locally on generated data.")
final class DemoCommand implements Callable<Integer> {

    private static final Duration STATUS_EVERY = Duration.ofSeconds(2);

    @Spec CommandSpec spec;

    @Mixin LocalStackOptions stackOptions;

    @Option(
            names = "--duration",
            description = "Stop by itself after this long (ISO-8601, e.g. PT5M); default: Ctrl-C")
    Duration duration;

    @Option(
            names = "--events",
            description = "Send at most this many events, then stop when they are processed")
    Long maxEvents;

    @Option(
            names = "--users",
            defaultValue = "5000",
            description = "Generated users. Default: ${DEFAULT-VALUE}")
    int users;

    @Option(
            names = "--days",
            defaultValue = "30",
            description = "Generated days. Default: ${DEFAULT-VALUE}")
    int days;

    @Option(
            names = "--speed",
            defaultValue = "0",
            description =
                    "0 = as fast as possible, N = N times real time. Default: ${DEFAULT-VALUE}")
    double speed;

    @Option(names = "--parallelism", defaultValue = "2", description = "Default: ${DEFAULT-VALUE}")
    int parallelism;

    @Option(
            names = "--api-port",
            defaultValue = "8080",
            description = "Port of the search API (0 = any free port). Default: ${DEFAULT-VALUE}")
    int apiPort;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting Elasticsearch and Kafka (about 30 s) ...");
        out.flush();
        try (LocalStack stack = stackOptions.start()) {
            StackBanner.print(out, stack);
            ElasticsearchConnection connection =
                    ElasticsearchConnection.of(stack.elasticsearch().httpUrl());
            out.println(IndexSetup.apply(connection));
            stack.kafka().createTopic(JobConfig.DEFAULT_TOPIC, parallelism);
            Path checkpoints = Files.createTempDirectory("appliance-checkpoints-");
            JobClient job = startJob(stack, connection, checkpoints);
            AtomicLong sent = new AtomicLong();
            CompletableFuture<Void> publishing = publish(stack, sent);
            Runnable stop = stopOnce(job, publishing, checkpoints, stack);
            Thread onCtrlC = new Thread(stop, "demo-ctrl-c");
            Runtime.getRuntime().addShutdownHook(onCtrlC);
            ApiKeys.NewKey apiKey = ApiKeys.generate("demo", ApiRole.ADMIN);
            try (ElasticsearchClient es = ElasticsearchClients.create(connection);
                    RunningSearchApi api =
                            SearchApi.start(
                                    SearchApiConfig.local(
                                                    connection, ApiKeys.parse(apiKey.configLine()))
                                            .withPort(apiPort)
                                            .withErasure(
                                                    ErasureConfig.kafka(
                                                            stack.kafka().bootstrapServers())))) {
                out.println(
                        "Search API on "
                                + api.url()
                                + " (admin key for this run: "
                                + apiKey.token()
                                + ")");
                DemoHints hints =
                        new DemoHints(
                                es, stack.elasticsearch().httpUrl(), api.url(), apiKey.token());
                watch(out, es, sent, publishing, hints);
            } finally {
                removeQuietly(onCtrlC);
                stop.run();
            }
        }
        return 0;
    }

    private JobClient startJob(
            LocalStack stack, ElasticsearchConnection connection, Path checkpoints)
            throws Exception {
        StreamExecutionEnvironment env =
                LocalEnvironments.withCheckpointsIn(checkpoints, parallelism);
        ClickstreamJob.wire(
                env,
                new JobConfig(
                        stack.kafka().bootstrapServers(),
                        JobConfig.DEFAULT_TOPIC,
                        JobConfig.DEFAULT_GROUP_ID,
                        JobConfig.DEFAULT_DEAD_LETTER_TOPIC,
                        JobConfig.DEFAULT_MODELS_TOPIC,
                        JobConfig.DEFAULT_MARKETING_ACTIONS_TOPIC,
                        false,
                        Duration.ofSeconds(5),
                        ElasticsearchSinkConfig.defaults(connection),
                        PipelineConfig.defaults()));
        return env.executeAsync("Clickstream appliance (demo)");
    }

    private CompletableFuture<Void> publish(LocalStack stack, AtomicLong sent) {
        Iterator<ClickEvent> events =
                new ClickstreamGenerator(
                        new GeneratorConfig(
                                users,
                                Math.max(10, users / 5),
                                days,
                                42,
                                GeneratorConfig.DEFAULT_START));
        return CompletableFuture.runAsync(
                () -> {
                    try (KafkaEventPublisher publisher =
                            new KafkaEventPublisher(
                                    stack.kafka().bootstrapServers(), JobConfig.DEFAULT_TOPIC)) {
                        publisher.publish(
                                GenerateCommand.valid(limited(events, sent)), speed, false);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                });
    }

    private Iterator<ClickEvent> limited(Iterator<ClickEvent> events, AtomicLong sent) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return (maxEvents == null || sent.get() < maxEvents) && events.hasNext();
            }

            @Override
            public ClickEvent next() {
                sent.incrementAndGet();
                return events.next();
            }
        };
    }

    /** Null while Elasticsearch cannot answer, e.g. a new monthly index's shard still starts. */
    private static IndexCounts countsOrNull(ElasticsearchClient es) {
        try {
            return IndexCounts.of(es);
        } catch (IOException | ElasticsearchException e) {
            return null;
        }
    }

    /**
     * Prints the status line; once all events are in and the indices stop changing, prints what to
     * try. Returns then with {@code --events}, at the deadline with {@code --duration}, and
     * otherwise runs until Ctrl-C.
     */
    private void watch(
            PrintWriter out,
            ElasticsearchClient es,
            AtomicLong sent,
            CompletableFuture<Void> publishing,
            DemoHints hints)
            throws Exception {
        long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
        IndexCounts previous = null;
        boolean hinted = false;
        while (System.nanoTime() < deadline) {
            Thread.sleep(STATUS_EVERY.toMillis());
            IndexCounts counts = countsOrNull(es);
            if (counts == null) {
                continue; // a just-created index is not searchable yet; ask again shortly
            }
            out.print("\r" + counts.statusLine(sent.get()));
            out.flush();
            if (publishing.isCompletedExceptionally()) {
                publishing.join(); // rethrows why the events could not be sent
            }
            boolean settled = publishing.isDone() && counts.equals(previous) && counts.users() > 0;
            if (settled && !hinted) {
                out.println();
                hints.print(out);
                hinted = true;
                if (duration == null && maxEvents != null) {
                    return;
                }
                out.println(
                        duration == null
                                ? "The demo keeps running; Ctrl-C stops it."
                                : "The demo stops by itself at the end of --duration.");
            }
            previous = counts;
        }
        if (!hinted) {
            out.println();
            hints.print(out);
        }
    }

    /** Stops the job, the generator and the stack once, on normal exit or on Ctrl-C. */
    private static Runnable stopOnce(
            JobClient job, CompletableFuture<Void> publishing, Path checkpoints, LocalStack stack) {
        AtomicBoolean stopped = new AtomicBoolean();
        return () -> {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            publishing.cancel(true);
            try {
                job.cancel().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // already finished or failed: nothing left to stop
            }
            FileUtils.deleteDirectoryQuietly(checkpoints.toFile());
            stack.close();
        };
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down (Ctrl-C): the hook does the stopping
        }
    }
}
