package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.jobs.ClickstreamJob;
import io.github.clickstream.appliance.jobs.JobConfig;
import io.github.clickstream.appliance.jobs.LocalEnvironments;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Event-to-visible latency of the production job running live: generated events, re-stamped with
 * the time they are sent, go into Kafka at a fixed rate (open loop), and some of them are markers,
 * each the only event of a new user's session. A marker is stamped {@link #MARKER_AGE} in the past:
 * its session window has already ended in event time when it arrives (but is within the allowed
 * lateness), so the sessionizer fires at once and the figure is the job's own delay — Kafka,
 * parsing, dedup, the session window, the sink's batching (1 s) and Elasticsearch's refresh (1 s) —
 * not the 30 minutes of event time a live session waits for its gap. Each marker's latency runs
 * from the moment it was due to be sent until a search finds its session document.
 */
final class VisibilityLatency {

    /** p50 and p99 of one round's markers, in milliseconds. */
    record Round(double p50, double p99, int markers) {}

    /** Older than gap + out-of-orderness (the window is due), younger than gap + lateness. */
    static final Duration MARKER_AGE =
            PipelineConfig.DEFAULT_SESSION_GAP.plus(Duration.ofMinutes(2));

    private static final int MARKERS_PER_SECOND = 20;
    private static final Duration WARM_UP_LIMIT = Duration.ofMinutes(3);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(1);

    private final BenchKafka kafka;
    private final String elasticsearchUrl;
    private final GeneratorConfig shop;
    private final AtomicReference<Exception> sendFailure = new AtomicReference<>();
    private ClickstreamGenerator load;

    VisibilityLatency(BenchKafka kafka, String elasticsearchUrl, GeneratorConfig shop) {
        this.kafka = kafka;
        this.elasticsearchUrl = elasticsearchUrl;
        this.shop = shop;
        this.load = new ClickstreamGenerator(shop);
    }

    /** Runs the job on {@code live}'s topic; warms up until a marker shows, then the rounds. */
    List<Round> measure(JobConfig live, int rate, Duration roundLength, int rounds)
            throws Exception {
        kafka.createTopic(live.topic(), EndToEndBenchmark.PARTITIONS);
        Path checkpoints = Files.createTempDirectory("bench-e2e-live-");
        StreamExecutionEnvironment env =
                LocalEnvironments.withCheckpointsIn(checkpoints, EndToEndBenchmark.PARALLELISM);
        ClickstreamJob.wire(env, live);
        JobClient job = env.executeAsync("e2e latency");
        try (VisibilityProbe probe = new VisibilityProbe(elasticsearchUrl);
                KafkaProducer<String, byte[]> producer = kafka.producer()) {
            List<List<String>> markers =
                    send(producer, live.topic(), probe, job, rate, roundLength, rounds);
            long missing = probe.awaitAll(DRAIN_LIMIT.toMillis());
            if (missing > 0) {
                throw new IllegalStateException(
                        missing + " marker sessions were not visible " + DRAIN_LIMIT + " later");
            }
            List<Round> results = new ArrayList<>();
            for (List<String> round : markers) {
                double[] millis = round.stream().mapToDouble(probe::latencyMillis).toArray();
                results.add(
                        new Round(
                                Numbers.percentile(millis, 0.50),
                                Numbers.percentile(millis, 0.99),
                                millis.length));
            }
            return results;
        } finally {
            try {
                job.cancel().get(30, TimeUnit.SECONDS);
            } finally {
                FileUtils.deleteDirectoryQuietly(checkpoints.toFile());
            }
        }
    }

    /**
     * The open-loop schedule: one event every 1/rate s, every k-th a marker; warm-up markers until
     * the first is visible (the job runs and event time has caught up), then the counted rounds.
     * Returns the marker users of each round.
     */
    private List<List<String>> send(
            KafkaProducer<String, byte[]> producer,
            String topic,
            VisibilityProbe probe,
            JobClient job,
            int rate,
            Duration roundLength,
            int rounds)
            throws Exception {
        long interval = 1_000_000_000L / rate;
        long markerEvery = Math.max(2, rate / MARKERS_PER_SECOND);
        long start = System.nanoTime();
        String firstProbe = null;
        int round = -1;
        long roundEnds = Long.MAX_VALUE;
        List<List<String>> markers = new ArrayList<>();
        for (long i = 0; ; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            if (i % rate == 0) { // about once a second
                checkRunning(job, probe);
            }
            if (round < 0 && due - start > WARM_UP_LIMIT.toNanos()) {
                throw new IllegalStateException(
                        "no marker session was visible in Elasticsearch within "
                                + WARM_UP_LIMIT
                                + " of starting the job");
            }
            if (round < 0 && firstProbe != null && probe.visible(firstProbe)) {
                round = 0;
                roundEnds = due + roundLength.toNanos();
                markers.add(new ArrayList<>());
            } else if (round >= 0 && due >= roundEnds) {
                if (++round == rounds) {
                    return markers;
                }
                roundEnds += roundLength.toNanos();
                markers.add(new ArrayList<>());
            }
            ClickEvent event;
            long nowMillis = System.currentTimeMillis();
            if (i % markerEvery == 0) {
                String user = "e2e-marker-" + i;
                event = marker(user, nowMillis);
                probe.sent(user, due);
                if (round < 0) {
                    firstProbe = firstProbe == null ? user : firstProbe;
                } else {
                    markers.get(round).add(user);
                }
            } else {
                event = nextLoad("live-" + i, nowMillis);
            }
            producer.send(
                    new ProducerRecord<>(topic, event.userId(), ClickEventJson.toJson(event)),
                    (metadata, error) -> {
                        if (error != null) {
                            sendFailure.compareAndSet(null, error);
                        }
                    });
        }
    }

    private void checkRunning(JobClient job, VisibilityProbe probe) throws Exception {
        probe.checkHealthy();
        if (sendFailure.get() != null) {
            throw new IllegalStateException("Kafka refused an event", sendFailure.get());
        }
        if (job.getJobStatus().get().isGloballyTerminalState()) {
            job.getJobExecutionResult().get(); // throws the job's failure
            throw new IllegalStateException("the live job stopped by itself");
        }
    }

    /** The only event of a new user's session, whose window is already due when it arrives. */
    static ClickEvent marker(String user, long sentMillis) {
        return ClickEvent.builder(
                        "marker-" + user,
                        user,
                        EventType.SEARCH,
                        sentMillis - MARKER_AGE.toMillis())
                .query("e2e marker")
                .build();
    }

    /** The next generated event (the shop again from its start when done), sent now. */
    private ClickEvent nextLoad(String id, long nowMillis) {
        if (!load.hasNext()) {
            load = new ClickstreamGenerator(shop);
        }
        ClickEvent e = load.next();
        return e.with(id, e.userId(), nowMillis);
    }
}
