package io.github.clickstream.appliance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.RawEventDeserializer;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.pipeline.ClickstreamPipeline;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.reference.ReferenceFeatures;
import io.github.clickstream.appliance.sessions.SessionSummary;
import io.github.clickstream.appliance.sink.ElasticsearchSink;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.CheckpointStatsCounts;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 4 of the reliability suite, idle input (docs/reliability.md): a topic of three
 * partitions, one reader each; one partition gets the first day of its users' events and then
 * nothing, while the other two keep flowing. Event time follows the slowest reader, so without
 * idleness the silent partition holds every session window open; with it, the silent reader is
 * marked idle and sessions close as the active partitions' watermark says. The expectation is
 * computed from the input: the reference sessions whose window end the active partitions' watermark
 * has passed.
 */
@ExtendWith(LocalStackExtension.class)
class IdlePartitionITCase {

    private static final int PARTITIONS = 3;

    @RegisterExtension
    static final MiniClusterExtension FLINK = FlinkTesting.miniCluster(PARTITIONS);

    private static final int SILENT = 2;

    /** Event time after which the silent partition gets nothing: its users' first day only. */
    private static final Duration SILENT_AFTER = Duration.ofDays(1);

    private static final Duration IDLENESS = Duration.ofSeconds(5);

    /** When the check starts: the silent reader has had its idleness and some margin. */
    private static final Duration CHECK_AFTER = IDLENESS.plusSeconds(10);

    /** How long after the check starts every closed session must be in Elasticsearch. */
    private static final Duration BOUND = Duration.ofSeconds(20);

    /** Records the producer might have in flight, left out of the watermark's lower bound. */
    private static final int IN_FLIGHT_MARGIN = 20;

    private static final Duration LOAD = Duration.ofSeconds(40);
    private static final PipelineConfig PIPELINE = PipelineConfig.defaults();

    private static ElasticsearchConnection connection;

    @Test
    void aSilentPartitionDoesNotStopSessionsClosing(
            @InjectMiniCluster MiniCluster cluster, ElasticsearchNode node, KafkaBroker kafka)
            throws Exception {
        Observation seen =
                run(cluster, node, kafka, "idle-partition", PIPELINE.withIdleness(IDLENESS));

        seen.figures().print();
        assertThat(seen.silentRecords())
                .as("the silent partition had records at first")
                .isPositive();
        assertThat(seen.expected())
                .as("sessions the active partitions closed")
                .hasSizeGreaterThan(50);
        assertThat(seen.found().keySet())
                .as("every session the active partitions' watermark closed, within " + BOUND)
                .containsAll(seen.expected());
        assertThat(seen.wrong()).as("documents that are no reference session").isEmpty();
    }

    @Test
    void withoutIdlenessTheSilentPartitionHoldsTheWindowsOpen(
            @InjectMiniCluster MiniCluster cluster, ElasticsearchNode node, KafkaBroker kafka)
            throws Exception {
        Observation seen =
                run(cluster, node, kafka, "idle-partition-control", PIPELINE.withoutIdleness());

        seen.figures().print();
        assertThat(seen.found().keySet())
                .as("only sessions the silent partition's own watermark closed")
                .isSubsetOf(seen.closedBySilent());
        assertThat(seen.found()).hasSizeLessThan(seen.expected().size());
    }

    @AfterAll
    static void leaveNoOutputBehind() throws Exception {
        // the local stack is shared with later test classes
        if (connection != null) {
            OutputIndices.reset(connection);
        }
    }

    /**
     * What Elasticsearch held by the end of the bound: {@code found} session documents by id,
     * {@code expected} the ids the active partitions' watermark closed, {@code closedBySilent}
     * those the silent partition's own watermark closed, {@code wrong} documents unlike their
     * reference session.
     */
    private record Observation(
            RunFigures figures,
            long silentRecords,
            Set<String> expected,
            Set<String> closedBySilent,
            Map<String, JsonNode> found,
            List<String> wrong) {}

    private static Observation run(
            MiniCluster cluster,
            ElasticsearchNode node,
            KafkaBroker kafka,
            String name,
            PipelineConfig config)
            throws Exception {
        connection = ElasticsearchConnection.of(node.httpUrl());
        OutputIndices.reset(connection);
        List<ClickEvent> events = input();
        Map<String, ReferenceFeatures.Session> reference = new TreeMap<>();
        ReferenceFeatures.sessions(events, config.sessionGap().toMillis())
                .values()
                .forEach(
                        sessions ->
                                sessions.forEach(
                                        s ->
                                                reference.put(
                                                        SessionSummary.sessionId(
                                                                s.userId(), s.start()),
                                                        s)));
        kafka.createTopic(name, PARTITIONS);
        AttemptProbe.reset();
        JobClient job = submit(kafka, name, config);
        try (PacedProducer producer =
                new PacedProducer(
                        kafka.bootstrapServers(),
                        name,
                        PARTITIONS,
                        PacedProducer.Record.of(events),
                        (double) events.size() / LOAD.toSeconds())) {
            producer.start();
            while (AttemptProbe.firstRecordNanos() == 0) {
                Thread.sleep(100);
            }
            long check = AttemptProbe.firstRecordNanos() + CHECK_AFTER.toNanos();
            Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(check - System.nanoTime())));

            int sent = (int) producer.acknowledged() - IN_FLIGHT_MARGIN;
            long activeWatermark = watermark(events.subList(0, sent), false, config);
            long silentWatermark = watermark(events, true, config);
            Set<String> expected = closedBy(reference, activeWatermark, config);
            Map<String, JsonNode> found = sessions();
            long checkStarted = System.nanoTime();
            while (!found.keySet().containsAll(expected)
                    && System.nanoTime() - checkStarted < BOUND.toNanos()) {
                Thread.sleep(500);
                found = sessions();
            }
            Duration closedAfter = Duration.ofNanos(System.nanoTime() - checkStarted);
            Map<String, JsonNode> documents = found;
            List<String> wrong = unlikeReference(documents, reference);
            CheckpointStatsCounts checkpoints =
                    cluster.getExecutionGraph(job.getJobID())
                            .get(30, TimeUnit.SECONDS)
                            .getCheckpointStatsSnapshot()
                            .getCounts();
            RunFigures figures =
                    new RunFigures(
                                    name,
                                    sent,
                                    (double) events.size() / LOAD.toSeconds(),
                                    null,
                                    AttemptProbe.restarts(),
                                    checkpoints.getNumberOfRestoredCheckpoints(),
                                    checkpoints.getNumberOfCompletedCheckpoints(),
                                    checkpoints.getNumberOfFailedCheckpoints(),
                                    Duration.ofNanos(
                                            System.nanoTime() - AttemptProbe.firstRecordNanos()),
                                    Map.of())
                            .with("partitions", PARTITIONS)
                            .with(
                                    "idleness",
                                    config.idleness() == null
                                            ? "off"
                                            : RunFigures.seconds(config.idleness()))
                            .with("silentRecords", silentRecords(events))
                            .with("activeWatermark", Instant.ofEpochMilli(activeWatermark))
                            .with("silentWatermark", Instant.ofEpochMilli(silentWatermark))
                            .with("expectedClosed", expected.size())
                            .with("found", found.size())
                            .with(
                                    "missing",
                                    expected.stream()
                                            .filter(id -> !documents.containsKey(id))
                                            .count())
                            .with("wrong", wrong.size())
                            .with("waited", RunFigures.seconds(closedAfter))
                            .with("bound", RunFigures.seconds(BOUND));
            return new Observation(
                    figures,
                    silentRecords(events),
                    expected,
                    closedBy(reference, silentWatermark, config),
                    documents,
                    wrong);
        } finally {
            job.cancel().get(30, TimeUnit.SECONDS);
            // stopped for good before the next run resets the indices it writes to
            while (!job.getJobStatus().get(30, TimeUnit.SECONDS).isGloballyTerminalState()) {
                Thread.sleep(100);
            }
        }
    }

    /** The generated input, without the silent partition's events after its first day. */
    private static List<ClickEvent> input() {
        List<ClickEvent> events = new ArrayList<>();
        long silentFrom = GeneratorConfig.DEFAULT_START.plus(SILENT_AFTER).toEpochMilli();
        new ClickstreamGenerator(GeneratorConfig.of(300, 200, 5, ReliabilityScale.SEED))
                .forEachRemaining(
                        e -> {
                            if (!onSilentPartition(e) || e.timestamp() < silentFrom) {
                                events.add(e);
                            }
                        });
        return events;
    }

    private static boolean onSilentPartition(ClickEvent event) {
        return PacedProducer.partitionOf(event.userId(), PARTITIONS) == SILENT;
    }

    private static long silentRecords(List<ClickEvent> events) {
        return events.stream().filter(IdlePartitionITCase::onSilentPartition).count();
    }

    /**
     * The watermark the readers of these events reach at least: per partition (each its own reader)
     * the highest event time minus the out-of-orderness (Flink's bounded out-of-orderness
     * generator), and the lowest of the silent one or, if {@code silent} is false, of the others.
     */
    private static long watermark(List<ClickEvent> events, boolean silent, PipelineConfig config) {
        long[] highest = new long[PARTITIONS];
        java.util.Arrays.fill(highest, Long.MIN_VALUE);
        for (ClickEvent e : events) {
            int p = PacedProducer.partitionOf(e.userId(), PARTITIONS);
            highest[p] = Math.max(highest[p], e.timestamp());
        }
        long lowest = Long.MAX_VALUE;
        for (int p = 0; p < PARTITIONS; p++) {
            if ((p == SILENT) == silent) {
                lowest = Math.min(lowest, highest[p]);
            }
        }
        return lowest == Long.MIN_VALUE
                ? Long.MIN_VALUE // no event yet: Flink's watermark is at its start too
                : lowest - config.outOfOrderness().toMillis() - 1;
    }

    /** Sessions whose window (last event plus the gap) ends at or before the watermark. */
    private static Set<String> closedBy(
            Map<String, ReferenceFeatures.Session> reference,
            long watermark,
            PipelineConfig config) {
        Set<String> closed = new java.util.TreeSet<>();
        reference.forEach(
                (id, s) -> {
                    if (s.end() + config.sessionGap().toMillis() - 1 <= watermark) {
                        closed.add(id);
                    }
                });
        return closed;
    }

    /** Session documents whose id, end or event count is not that of a reference session. */
    private static List<String> unlikeReference(
            Map<String, JsonNode> found, Map<String, ReferenceFeatures.Session> reference) {
        List<String> wrong = new ArrayList<>();
        found.forEach(
                (id, doc) -> {
                    ReferenceFeatures.Session s = reference.get(id);
                    long count = 0;
                    for (String field :
                            List.of(
                                    "views",
                                    "carts",
                                    "removes",
                                    "purchases",
                                    "searches",
                                    "favourites",
                                    "refunds")) {
                        count += doc.path(field).asLong();
                    }
                    if (s == null
                            || Instant.parse(doc.path("end").asText()).toEpochMilli() != s.end()
                            || count != s.events().size()) {
                        wrong.add(id);
                    }
                });
        return wrong;
    }

    /** Session documents by session id. */
    private static Map<String, JsonNode> sessions() throws Exception {
        Map<String, JsonNode> sessions = new TreeMap<>();
        OutputIndices.read(connection, List.of("sessions-*"))
                .forEach(
                        (key, doc) -> {
                            if (key.startsWith("sessions-")) {
                                sessions.put(key.substring(key.indexOf('/') + 1), doc);
                            }
                        });
        return sessions;
    }

    private static JobClient submit(KafkaBroker kafka, String topic, PipelineConfig config)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARTITIONS);
        env.enableCheckpointing(1_000);
        var raw =
                env.fromSource(
                                KafkaSource.<RawEvent>builder()
                                        .setBootstrapServers(kafka.bootstrapServers())
                                        .setTopics(topic)
                                        .setGroupId(topic)
                                        .setStartingOffsets(OffsetsInitializer.earliest())
                                        .setDeserializer(new RawEventDeserializer())
                                        .build(),
                                ClickstreamPipeline.eventTime(config),
                                "Kafka clickstream")
                        .map(new AttemptProbe())
                        .name("Count attempts");
        ClickstreamPipeline.build(raw, config)
                .documentWrites()
                .sinkTo(new ElasticsearchSink(ElasticsearchSinkConfig.defaults(connection)))
                .name("Write to Elasticsearch");
        return env.executeAsync(topic);
    }
}
