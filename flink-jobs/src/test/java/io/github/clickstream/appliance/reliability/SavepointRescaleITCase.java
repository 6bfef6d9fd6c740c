package io.github.clickstream.appliance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 2 of the reliability suite (docs/reliability.md): the production job reads half of a
 * generated clickstream at parallelism 2 and is stopped with a savepoint; the same job restored
 * from it at parallelism 1, and separately at 4, reads the rest. Elasticsearch afterwards must
 * equal, document by document, one run of the whole input without a stop.
 */
@ExtendWith(LocalStackExtension.class)
class SavepointRescaleITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster(4);

    private static final ReliabilityScale SCALE = ReliabilityScale.fromSystemProperties();
    private static final int PARTITIONS = 2;
    private static final int PARALLELISM = 2;
    private static final List<Integer> RESTORED_PARALLELISMS = List.of(1, 4);
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(2);

    @TempDir Path savepoints;

    @Test
    void jobStoppedWithASavepointAtParallelism2FinishesTheSameAt1And4(
            ElasticsearchNode node, KafkaBroker kafka, @InjectMiniCluster MiniCluster cluster)
            throws Exception {
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(GeneratorConfig.of(SCALE.users(), SCALE.items(), SCALE.days(), 10))
                .forEachRemaining(events::add);
        ElasticsearchConnection connection = ElasticsearchConnection.of(node.httpUrl());
        Map<String, JsonNode> reference = referenceRun(kafka, connection, events);

        String topic = "savepoint-rescale-input";
        kafka.createTopic(topic, PARTITIONS);
        List<ClickEvent> firstHalf = events.subList(0, events.size() / 2);
        Map<TopicPartition, Long> end = producer(kafka, topic, events).endOffsets();
        ProductionJob job = new ProductionJob(kafka, connection, topic, topic);
        OutputIndices.reset(connection);
        send(kafka, topic, firstHalf);
        JobClient first = job.startBounded(end, PARALLELISM, null);
        awaitRead(kafka, job, producer(kafka, topic, firstHalf).endOffsets());
        long stopStarted = System.nanoTime();
        String savepoint =
                first.stopWithSavepoint(
                                false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                        .get(TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        Duration savepointTime = Duration.ofNanos(System.nanoTime() - stopStarted);
        first.getJobExecutionResult().get(TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        Map<String, JsonNode> atSavepoint = OutputIndices.snapshot(connection);
        assertThat(atSavepoint.size())
                .as("the first half was written, and the rest was not")
                .isPositive()
                .isLessThan(reference.size());
        send(kafka, topic, events.subList(firstHalf.size(), events.size()));

        StringBuilder figures =
                new StringBuilder("RELIABILITY savepoint-rescale")
                        .append(" events=")
                        .append(events.size())
                        .append(" stoppedAfter=")
                        .append(firstHalf.size())
                        .append(" savepointBytes=")
                        .append(sizeOf(savepoint))
                        .append(" savepointTime=")
                        .append(RunFigures.seconds(savepointTime));
        List<DocumentDiff> diffs = new ArrayList<>();
        for (int parallelism : RESTORED_PARALLELISMS) {
            SavedOutput.restore(connection, atSavepoint);
            long submitted = System.nanoTime();
            // a group of its own: its committed offsets show how far this restored run has read
            ProductionJob again =
                    new ProductionJob(
                            kafka, connection, topic, topic + "-restored-at-" + parallelism);
            JobClient restored = again.startBounded(end, parallelism, savepoint);
            Duration restoreTime = awaitRunning(cluster, restored.getJobID(), submitted);
            awaitRead(kafka, again, end);
            // A restored bounded Kafka source never finishes (FLINK-31006: the restored enumerator
            // never signals "no more splits"), so the run ends with a drain once it has read the
            // whole input: a drain ends event time and the operators' input like an end of input.
            drain(cluster, restored, parallelism);
            Duration runTime = Duration.ofNanos(System.nanoTime() - submitted);
            DocumentDiff diff = DocumentDiff.of(reference, OutputIndices.snapshot(connection));
            diffs.add(diff);
            figures.append(" restoreAt").append(parallelism).append('=');
            figures.append(RunFigures.seconds(restoreTime));
            figures.append(" runAt").append(parallelism).append('=');
            figures.append(RunFigures.seconds(runTime));
            figures.append(" diffAt").append(parallelism).append("=[").append(diff).append(']');
            System.out.println("restored at " + parallelism + ": " + diff);
        }
        System.out.println(figures);
        for (int i = 0; i < diffs.size(); i++) {
            assertThat(diffs.get(i).identical())
                    .as("restored at %d: %s", RESTORED_PARALLELISMS.get(i), diffs.get(i))
                    .isTrue();
        }
    }

    /** Stops the job with a drain and waits for it to end; names the tasks that did not. */
    private void drain(MiniCluster cluster, JobClient job, int parallelism) throws Exception {
        try {
            job.stopWithSavepoint(
                            true, savepoints.toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            job.getJobExecutionResult().get(DRAIN_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            List<String> running = new ArrayList<>();
            for (AccessExecutionVertex task :
                    cluster.getExecutionGraph(job.getJobID())
                            .get(30, TimeUnit.SECONDS)
                            .getAllExecutionVertices()) {
                if (task.getExecutionState() != ExecutionState.FINISHED) {
                    running.add(
                            task.getTaskNameWithSubtaskIndex() + " " + task.getExecutionState());
                }
            }
            throw new AssertionError(
                    "The job restored at "
                            + parallelism
                            + " did not drain within "
                            + DRAIN_TIMEOUT
                            + "; not finished: "
                            + running,
                    e);
        }
    }

    /** The whole input in one run at parallelism 2, without a stop. */
    private static Map<String, JsonNode> referenceRun(
            KafkaBroker kafka, ElasticsearchConnection connection, List<ClickEvent> events)
            throws Exception {
        String topic = "savepoint-rescale-reference";
        kafka.createTopic(topic, PARTITIONS);
        send(kafka, topic, events);
        OutputIndices.reset(connection);
        new ProductionJob(kafka, connection, topic, topic)
                .startBounded(producer(kafka, topic, events).endOffsets(), PARALLELISM, null)
                .getJobExecutionResult()
                .get(TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        return OutputIndices.referenceSnapshot(connection);
    }

    private static PacedProducer producer(
            KafkaBroker kafka, String topic, List<ClickEvent> events) {
        return new PacedProducer(
                kafka.bootstrapServers(), topic, PARTITIONS, PacedProducer.Record.of(events), 0);
    }

    private static void send(KafkaBroker kafka, String topic, List<ClickEvent> events)
            throws InterruptedException {
        try (PacedProducer producer = producer(kafka, topic, events)) {
            producer.start();
            producer.awaitAllSent(TIMEOUT.toMinutes(), TimeUnit.MINUTES);
        }
    }

    /** Until the job has committed {@code offsets}: what it read is in a completed checkpoint. */
    private static void awaitRead(
            KafkaBroker kafka, ProductionJob job, Map<TopicPartition, Long> offsets)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        try (ConsumerLag lag = new ConsumerLag(kafka.bootstrapServers(), job.groupId(), offsets)) {
            while (!lag.caughtUpWith(offsets)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The job did not read up to " + offsets);
                }
                Thread.sleep(200);
            }
        }
    }

    /** From submission until every task runs (or already finished): its state is restored. */
    private static Duration awaitRunning(MiniCluster cluster, JobID job, long submittedNanos)
            throws Exception {
        long deadline = submittedNanos + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Iterable<? extends AccessExecutionVertex> tasks =
                    cluster.getExecutionGraph(job)
                            .get(30, TimeUnit.SECONDS)
                            .getAllExecutionVertices();
            boolean restored = tasks.iterator().hasNext();
            for (AccessExecutionVertex task : tasks) {
                ExecutionState state = task.getExecutionState();
                restored &= state == ExecutionState.RUNNING || state == ExecutionState.FINISHED;
            }
            if (restored) {
                return Duration.ofNanos(System.nanoTime() - submittedNanos);
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("The restored job did not start within " + TIMEOUT);
    }

    private static long sizeOf(String savepoint) throws IOException {
        Path directory =
                savepoint.startsWith("file:") ? Path.of(URI.create(savepoint)) : Path.of(savepoint);
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(SavepointRescaleITCase::size).sum();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
