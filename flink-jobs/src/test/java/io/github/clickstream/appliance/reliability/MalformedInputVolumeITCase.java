package io.github.clickstream.appliance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.testing.BadRecord;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Scenario 3 of the reliability suite (docs/reliability.md): one bad record per 100 valid events,
 * of 13 kinds (the twelve the parser refuses plus duplicates), mixed into the generated input on
 * Kafka. Every bad record must be dead-lettered with the reason of its kind (checked record by
 * record through its Kafka offset), the job must not restart, and {@code users}, {@code sessions},
 * {@code items} and {@code metrics} must equal a run of the valid events alone. The runs read their
 * topic as fast as they can; the mixed run's rate against a second clean run (both with a warm JVM)
 * gives the throughput drop.
 */
@ExtendWith(LocalStackExtension.class)
class MalformedInputVolumeITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final ReliabilityScale SCALE = ReliabilityScale.fromSystemProperties();
    private static final int VALID_PER_BAD = 100;

    private static ElasticsearchConnection connection;

    @Test
    void badRecordsAreAllDeadLetteredWithTheirReasonAndValidOutputIsUnchanged(
            @InjectMiniCluster MiniCluster cluster, ElasticsearchNode node, KafkaBroker kafka)
            throws Exception {
        List<ClickEvent> valid = new ArrayList<>();
        new ClickstreamGenerator(SCALE.malformedInput()).forEachRemaining(valid::add);
        connection = ElasticsearchConnection.of(node.httpUrl());
        String mixedName = "malformed-mixed";
        Mix mix = mix(valid, LoadedRun.topic(mixedName));

        Rate reference =
                measure(new LoadedRun(cluster, kafka, connection, valid), "malformed-clean");
        reference.figures().print();
        Map<String, JsonNode> cleanOutput = OutputIndices.snapshot(connection);
        assertThat(OutputIndices.deadLetters(connection)).as("the valid input alone").isEmpty();

        Rate mixed =
                measure(
                        new LoadedRun(cluster, kafka, connection, valid).withRecords(mix.records()),
                        mixedName);
        DocumentDiff diff = DocumentDiff.of(cleanOutput, OutputIndices.snapshot(connection));
        Map<String, String> deadLettered = new TreeMap<>();
        OutputIndices.deadLetters(connection)
                .values()
                .forEach(d -> deadLettered.put(d.get("source").asText(), d.get("reason").asText()));
        Map<DeadLetterReason, Integer> perReason = new EnumMap<>(DeadLetterReason.class);
        deadLettered
                .values()
                .forEach(r -> perReason.merge(DeadLetterReason.valueOf(r), 1, Integer::sum));

        // The first run also warmed the JVM up: the clean rate comes from a second clean run.
        Rate clean =
                measure(new LoadedRun(cluster, kafka, connection, valid), "malformed-clean-again");
        double validPerSecondClean = valid.size() / clean.seconds();
        double validPerSecondMixed = valid.size() / mixed.seconds();
        mixed.figures()
                .with("valid", valid.size())
                .with("bad", mix.expected().size())
                .with("kinds", perReason.size())
                .with("deadLettered", deadLettered.size())
                .with("perReason", perReason)
                .with("coldCleanPerSecond", Math.round(valid.size() / reference.seconds()))
                .with("cleanPerSecond", Math.round(validPerSecondClean))
                .with("mixedRecordsPerSecond", Math.round(mix.records().size() / mixed.seconds()))
                .with("mixedValidPerSecond", Math.round(validPerSecondMixed))
                .with(
                        "throughputDrop",
                        String.format(
                                Locale.ROOT,
                                "%.1f%%",
                                100 * (1 - validPerSecondMixed / validPerSecondClean)))
                .with("diff", diff)
                .print();

        assertThat(deadLettered)
                .as("every bad record with its reason, nothing else")
                .isEqualTo(mix.expected());
        assertThat(perReason.keySet()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(mixed.figures().restarts()).isZero();
        assertThat(diff.identical()).as(diff.toString()).isTrue();
    }

    @AfterAll
    static void leaveNoOutputBehind() throws Exception {
        // the local stack is shared with later test classes
        if (connection != null) {
            OutputIndices.reset(connection);
        }
    }

    /** The records to send, and the dead letter each bad one must become: source -> reason. */
    private record Mix(List<PacedProducer.Record> records, Map<String, String> expected) {}

    /**
     * After every {@value #VALID_PER_BAD}th valid event one bad record, cycling through the kinds;
     * a duplicate repeats the event just sent. A bad record's dead letter names its Kafka source
     * ({@code topic-partition@offset}, which follows from the order of sending), a duplicate's its
     * event id.
     */
    private static Mix mix(List<ClickEvent> valid, String topic) {
        List<BadRecord> kinds = BadRecord.ofEveryParserKind(valid.get(0));
        int kindCount = kinds.size() + 1; // and duplicates
        List<PacedProducer.Record> records = new ArrayList<>();
        Map<String, String> expected = new HashMap<>();
        long[] offsets = new long[LoadedRun.partitions()];
        for (int i = 0; i < valid.size(); i++) {
            ClickEvent event = valid.get(i);
            add(records, offsets, PacedProducer.Record.of(event));
            if ((i + 1) % VALID_PER_BAD == 0) {
                int kind = ((i + 1) / VALID_PER_BAD - 1) % kindCount;
                PacedProducer.Record bad =
                        kind == kinds.size()
                                ? PacedProducer.Record.of(event)
                                : new PacedProducer.Record(
                                        event.userId(), kinds.get(kind).payload());
                String source = topic + "-" + add(records, offsets, bad);
                if (kind == kinds.size()) {
                    // refused after parsing: a duplicate's dead letter is named by its event
                    expected.put("duplicate_event:" + event.eventId(), "DUPLICATE_EVENT");
                } else {
                    expected.put(source, kinds.get(kind).reason().name());
                }
            }
        }
        return new Mix(records, new TreeMap<>(expected));
    }

    /** Adds the record; answers its {@code partition@offset}. */
    private static String add(
            List<PacedProducer.Record> records, long[] offsets, PacedProducer.Record record) {
        records.add(record);
        int partition = PacedProducer.partitionOf(record.key(), offsets.length);
        return partition + "@" + offsets[partition]++;
    }

    private record Rate(RunFigures figures, double seconds) {}

    /**
     * Runs unpaced; the rate counts from the first record the job read to the end of the run, so
     * the job's start-up is left out.
     */
    private static Rate measure(LoadedRun run, String name) throws Exception {
        RunFigures figures = run.unpaced(name);
        Duration busy = Duration.ofNanos(System.nanoTime() - AttemptProbe.firstRecordNanos());
        return new Rate(
                figures.with("processing", RunFigures.seconds(busy)), busy.toMillis() / 1000.0);
    }
}
