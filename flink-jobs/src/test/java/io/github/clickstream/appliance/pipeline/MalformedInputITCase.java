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
import io.github.clickstream.appliance.testing.FlinkTesting;
import io.github.clickstream.appliance.testing.SessionVersions;
import java.nio.charset.StandardCharsets;
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
        Map<DeadLetterReason, Integer> injected = new EnumMap<>(DeadLetterReason.class);
        List<byte[]> bad = badPayloads(injected);
        for (int i = 0; i < VALID.size(); i++) {
            dirty.add(raw(ClickEventJson.toJson(VALID.get(i))));
            if (i % 50 == 0) {
                dirty.add(raw(ClickEventJson.toJson(VALID.get(i)))); // a duplicate
                injected.merge(DeadLetterReason.DUPLICATE_EVENT, 1, Integer::sum);
            }
            if (i % 20 == 0) {
                dirty.add(raw(bad.get((i / 20) % bad.size())));
            }
        }
        int badCount = (VALID.size() + 19) / 20;
        Map<DeadLetterReason, Integer> expected = new EnumMap<>(DeadLetterReason.class);
        for (int k = 0; k < badCount; k++) {
            expected.merge(reasons(injected).get(k % bad.size()), 1, Integer::sum);
        }
        expected.merge(
                DeadLetterReason.DUPLICATE_EVENT,
                injected.get(DeadLetterReason.DUPLICATE_EVENT),
                Integer::sum);

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

    /** One payload per reason, in a fixed order; fills in which reason each has. */
    private static List<byte[]> badPayloads(Map<DeadLetterReason, Integer> reasonsInOrder) {
        String valid = new String(ClickEventJson.toJson(VALID.get(0)), StandardCharsets.UTF_8);
        List<byte[]> payloads = new ArrayList<>();
        add(payloads, reasonsInOrder, DeadLetterReason.MALFORMED_JSON, "{\"event_id\":");
        add(payloads, reasonsInOrder, DeadLetterReason.NOT_AN_OBJECT, "\"just a string\"");
        add(payloads, reasonsInOrder, DeadLetterReason.MISSING_FIELD, "{\"event_id\":\"x\"}");
        add(
                payloads,
                reasonsInOrder,
                DeadLetterReason.INVALID_FIELD,
                valid.replaceFirst("\"user_id\":\"[^\"]*\"", "\"user_id\":[1]"));
        add(
                payloads,
                reasonsInOrder,
                DeadLetterReason.UNKNOWN_EVENT_TYPE,
                valid.replaceFirst("\"event_type\":\"[a-z_]*\"", "\"event_type\":\"hover\""));
        add(
                payloads,
                reasonsInOrder,
                DeadLetterReason.INVALID_PRICE,
                "{\"event_id\":\"p\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"price\":-1,\"ts\":1}");
        add(
                payloads,
                reasonsInOrder,
                DeadLetterReason.INVALID_QUANTITY,
                "{\"event_id\":\"q\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"quantity\":-2,\"ts\":1}");
        add(
                payloads,
                reasonsInOrder,
                DeadLetterReason.INVALID_TIMESTAMP,
                "{\"event_id\":\"t\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"ts\":\"soon\"}");
        add(
                payloads,
                reasonsInOrder,
                DeadLetterReason.FUTURE_TIMESTAMP,
                "{\"event_id\":\"f\",\"user_id\":\"u\",\"event_type\":\"view\",\"item_id\":\"i\",\"ts\":\"2999-01-01T00:00:00Z\"}");
        add(
                payloads,
                reasonsInOrder,
                DeadLetterReason.OVERSIZED_PAYLOAD,
                "{\"pad\":\"" + "x".repeat(70_000) + "\"}");
        payloads.add(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        reasonsInOrder.put(DeadLetterReason.INVALID_UTF8, payloads.size() - 1);
        payloads.add(null);
        reasonsInOrder.put(DeadLetterReason.NULL_PAYLOAD, payloads.size() - 1);
        return payloads;
    }

    private static void add(
            List<byte[]> payloads,
            Map<DeadLetterReason, Integer> order,
            DeadLetterReason reason,
            String payload) {
        payloads.add(payload.getBytes(StandardCharsets.UTF_8));
        order.put(reason, payloads.size() - 1);
    }

    private static List<DeadLetterReason> reasons(Map<DeadLetterReason, Integer> order) {
        List<DeadLetterReason> byIndex = new ArrayList<>();
        order.entrySet().stream()
                .filter(e -> e.getKey() != DeadLetterReason.DUPLICATE_EVENT)
                .sorted(Map.Entry.comparingByValue())
                .forEach(e -> byIndex.add(e.getKey()));
        return byIndex;
    }

    private record Outputs(
            Map<String, SessionSummary> sessions,
            Map<String, UserFeatures> finalFeatures,
            List<DeadLetter> deadLetters) {}

    private static Outputs run(List<RawEvent> input) throws Exception {
        StreamExecutionEnvironment env = FlinkTesting.strictEnvironment(2);
        PipelineOutputs outputs =
                ClickstreamPipeline.build(
                        env.fromData(input),
                        // bounded input: see RestartITCase on daily re-scoring
                        PipelineConfig.defaults().withoutInactivityRescoring());
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
