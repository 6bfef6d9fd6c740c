package io.github.clickstream.appliance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 1 of the reliability suite (docs/reliability.md): a task of the running job fails at
 * several points chosen with a fixed seed, some right after a completed checkpoint and some between
 * two, while the input keeps arriving over Kafka. Each time Flink restores from the last checkpoint
 * and replays from its Kafka offsets; afterwards {@code users}, {@code sessions}, {@code items} and
 * {@code metrics} must equal, document by document, a run of the same input without a failure.
 */
@ExtendWith(LocalStackExtension.class)
class TaskFailureITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final ReliabilityScale SCALE = ReliabilityScale.fromSystemProperties();
    private static final int FAILURES = 3;
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(100);

    private static ElasticsearchConnection connection;

    @Test
    void taskFailuresAtSeveralPointsLoseAndDuplicateNothing(
            @InjectMiniCluster MiniCluster cluster, ElasticsearchNode node, KafkaBroker kafka)
            throws Exception {
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(SCALE.taskFailureInput()).forEachRemaining(events::add);
        connection = ElasticsearchConnection.of(node.httpUrl());

        new LoadedRun(cluster, kafka, connection, events).unpaced("task-failure-reference").print();
        Map<String, JsonNode> reference = OutputIndices.snapshot(connection);

        List<PlannedFailures.Point> plan =
                PlannedFailures.draw(ReliabilityScale.SEED, FAILURES, events.size());
        System.out.println("RELIABILITY task-failure plan (records processed:when) " + plan);
        PlannedFailures.arm(plan);
        String name = "task-failure";
        List<Duration> drains = new ArrayList<>();
        RunFigures figures =
                new LoadedRun(cluster, kafka, connection, events)
                        .withInput(
                                raw ->
                                        raw.map(new PlannedFailures(CHECKPOINT_INTERVAL))
                                                .name("Fail at planned points"))
                        .run(
                                name,
                                // half as long again as scenarios 5-7: three restarts fit in
                                events.size() / (1.5 * SCALE.loadSeconds()),
                                0,
                                () -> drains.addAll(awaitRecoveries(cluster, kafka, name)));
        List<PlannedFailures.Failure> failures = PlannedFailures.failures();
        DocumentDiff diff = DocumentDiff.of(reference, OutputIndices.snapshot(connection));
        figures.with("failures", failures.size())
                .with("killPoints", plan)
                .with("recovery", seconds(failures.stream().map(TaskFailureITCase::recovery)))
                .with("drain", seconds(drains.stream()))
                .with("diff", diff)
                .print();

        assertThat(failures).as("every planned failure happened").hasSize(FAILURES);
        assertThat(figures.restarts()).as("one restart per failure, none else").isEqualTo(FAILURES);
        assertThat(reference.keySet())
                .anyMatch(id -> id.startsWith("users-"))
                .anyMatch(id -> id.startsWith("sessions-"))
                .anyMatch(id -> id.startsWith("items-"))
                .anyMatch(id -> id.startsWith("metrics-"));
        assertThat(diff.identical()).as(diff.toString()).isTrue();
    }

    @AfterAll
    static void leaveNoOutputBehind() throws Exception {
        // the local stack is shared with later test classes
        if (connection != null) {
            OutputIndices.reset(connection);
        }
    }

    /**
     * Watches the planned failures until the job ran again after each; per failure, how long until
     * the job had committed every event that was in Kafka when it failed.
     */
    private static List<Duration> awaitRecoveries(
            MiniCluster cluster, KafkaBroker kafka, String name) throws Exception {
        Map<TopicPartition, Long> partitions = new HashMap<>();
        for (int p = 0; p < LoadedRun.partitions(); p++) {
            partitions.put(new TopicPartition(LoadedRun.topic(name), p), 0L);
        }
        List<Duration> drains = new ArrayList<>();
        try (ConsumerLag lag = new ConsumerLag(kafka.bootstrapServers(), name, partitions)) {
            List<Map<TopicPartition, Long>> backlogs = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
            while (drains.size() < FAILURES) {
                List<PlannedFailures.Failure> failures = PlannedFailures.failures();
                Map<TopicPartition, Long> end = lag.endOffsets();
                while (end != null && backlogs.size() < failures.size()) {
                    backlogs.add(end);
                }
                if (drains.size() < backlogs.size()
                        && lag.caughtUpWith(backlogs.get(drains.size()))) {
                    drains.add(
                            Duration.ofNanos(
                                    System.nanoTime() - failures.get(drains.size()).failedNanos()));
                    continue;
                }
                if (System.nanoTime() > deadline || !running(cluster, name)) {
                    throw new IllegalStateException(
                            "Only "
                                    + drains.size()
                                    + " of "
                                    + FAILURES
                                    + " failures recovered before the job ended: "
                                    + failures);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
        return drains;
    }

    private static boolean running(MiniCluster cluster, String name) throws Exception {
        return cluster.listJobs().get(30, TimeUnit.SECONDS).stream()
                .anyMatch(
                        job ->
                                job.getJobName().equals(name)
                                        && !job.getJobState().isTerminalState());
    }

    private static Duration recovery(PlannedFailures.Failure failure) {
        return failure.resumedNanos() == 0
                ? Duration.ZERO
                : Duration.ofNanos(failure.resumedNanos() - failure.failedNanos());
    }

    private static String seconds(java.util.stream.Stream<Duration> durations) {
        return durations.map(RunFigures::seconds).collect(Collectors.joining(",", "[", "]"));
    }
}
