package io.github.clickstream.appliance.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.DeadLetter;
import io.github.clickstream.appliance.events.DeadLetterReason;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.sessions.SessionSummary;
import io.github.clickstream.appliance.testing.BadRecord;
import io.github.clickstream.appliance.testing.FlinkTesting;
import io.github.clickstream.appliance.testing.SessionVersions;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Thirteen kinds of bad records mixed into a valid generated stream: each becomes a dead letter
 * with its reason, the job finishes normally, and sessions and features are exactly those of the
 * clean stream.
 */
class MalformedInputITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final List<ClickEvent> VALID = generated();

    @Test
    void badRecordsAreDeadLetteredAndValidOutputIsUnchanged() throws Exception {
        List<RawEvent> clean = new ArrayList<>();
        VALID.forEach(e -> clean.add(raw(ClickEventJson.toJson(e))));
        List<RawEvent> dirty = new ArrayList<>();
        Map<DeadLetterReason, Integer> expected = new EnumMap<>(DeadLetterReason.class);
        List<BadRecord> bad = BadRecord.ofEveryParserKind(VALID.get(0));
        for (int i = 0; i < VALID.size(); i++) {
            dirty.add(raw(ClickEventJson.toJson(VALID.get(i))));
            if (i % 50 == 0) {
                dirty.add(raw(ClickEventJson.toJson(VALID.get(i)))); // a duplicate
                expected.merge(DeadLetterReason.DUPLICATE_EVENT, 1, Integer::sum);
            }
            if (i % 20 == 0) {
                BadRecord record = bad.get((i / 20) % bad.size());
                dirty.add(raw(record.payload()));
                expected.merge(record.reason(), 1, Integer::sum);
            }
        }

        Outputs cleanRun = run(clean);
        Outputs dirtyRun = run(dirty);

        assertThat(cleanRun.deadLetters).isEmpty();
        Map<DeadLetterReason, Integer> reasons = new EnumMap<>(DeadLetterReason.class);
        dirtyRun.deadLetters.forEach(d -> reasons.merge(d.reason(), 1, Integer::sum));
        assertThat(reasons).isEqualTo(expected);
        assertThat(reasons.keySet()).hasSizeGreaterThanOrEqualTo(13);
        assertThat(dirtyRun.sessions).isEqualTo(cleanRun.sessions);
        assertThat(dirtyRun.finalFeatures).isEqualTo(cleanRun.finalFeatures);
    }

    private record Outputs(
            Map<String, SessionSummary> sessions,
            Map<String, UserFeatures> finalFeatures,
            List<DeadLetter> deadLetters) {}

    private static Outputs run(List<RawEvent> input) throws Exception {
        StreamExecutionEnvironment env = FlinkTesting.strictEnvironment(2);
        // bounded input: see RestartITCase on daily re-scoring
        PipelineConfig config = PipelineConfig.defaults().withoutInactivityRescoring();
        PipelineOutputs outputs =
                ClickstreamPipeline.build(
                        ClickstreamPipeline.withEventTime(env.fromData(input), config), config);
        List<SessionSummary> sessions = new ArrayList<>();
        Map<String, UserFeatures> features = new HashMap<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        var sessionsIt = outputs.sessions().collectAsync();
        var featuresIt = outputs.users().collectAsync();
        var deadLettersIt = outputs.deadLetters().collectAsync();
        env.execute("malformed input");
        sessionsIt.forEachRemaining(sessions::add);
        featuresIt.forEachRemaining(
                f -> features.merge(f.userId(), f, (a, b) -> b.asOf() >= a.asOf() ? b : a));
        deadLettersIt.forEachRemaining(deadLetters::add);
        // Early firings (at purchases) depend on arrival order; the final versions must not.
        return new Outputs(SessionVersions.latest(sessions), features, deadLetters);
    }

    private static RawEvent raw(byte[] payload) {
        return new RawEvent(payload, "test", 0);
    }

    private static List<ClickEvent> generated() {
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(new GeneratorConfig(200, 200, 3, 7, GeneratorConfig.DEFAULT_START))
                .forEachRemaining(events::add);
        return events;
    }
}
