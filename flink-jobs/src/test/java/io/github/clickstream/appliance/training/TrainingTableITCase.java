package io.github.clickstream.appliance.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.pipeline.SessionsAndFeatures;
import io.github.clickstream.appliance.reference.RandomClickstream;
import io.github.clickstream.appliance.reference.ReferenceFeatures;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TrainingTableITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final long BEGINNING = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
    private static final List<ClickEvent> EVENTS =
            RandomClickstream.events(42, 40, 4_000, BEGINNING);

    @Test
    void streamingAndBatchGiveIdenticalFinalFeatures() throws Exception {
        Map<String, UserFeatures> streaming = finalFeatures(RuntimeExecutionMode.STREAMING);
        Map<String, UserFeatures> batch = finalFeatures(RuntimeExecutionMode.BATCH);

        assertThat(streaming).hasSize(40);
        assertThat(batch).isEqualTo(streaming);
    }

    @Test
    void trainingRowsMatchTheReferenceFeaturesAndLabels() throws Exception {
        long asOf = EVENTS.get(EVENTS.size() / 2).timestamp();
        LabelHorizons horizons = LabelHorizons.defaults(asOf);
        StreamExecutionEnvironment env = environment(RuntimeExecutionMode.BATCH);
        List<TrainingRow> rows = new ArrayList<>();
        TrainingTable.build(timed(env), PipelineConfig.defaults(), horizons)
                .executeAndCollect("training table")
                .forEachRemaining(rows::add);

        List<ClickEvent> past = EVENTS.stream().filter(e -> e.timestamp() <= asOf).toList();
        Map<String, List<ReferenceFeatures.Session>> sessions =
                ReferenceFeatures.sessions(past, Duration.ofMinutes(30).toMillis());
        assertThat(rows).hasSize(sessions.size());
        for (TrainingRow row : rows) {
            UserFeatures f = row.features();
            Map<String, Object> expected =
                    ReferenceFeatures.features(sessions.get(f.userId()), asOf);
            assertThat(f.asOf()).isEqualTo(asOf);
            assertThat(f.sessions30d()).isEqualTo(expected.get("sessions_30d"));
            assertThat((long) f.sessions7d()).isEqualTo(expected.get("sessions_7d"));
            assertThat((long) f.orders30d()).isEqualTo(expected.get("orders_30d"));
            assertThat(f.viewToCartRate()).isEqualTo(expected.get("view_to_cart_rate"));
            assertThat(f.cartAbandonmentRate()).isEqualTo(expected.get("cart_abandonment_rate"));
            assertThat(f.lastSeen()).isEqualTo(expected.get("last_seen"));

            String user = f.userId();
            boolean bought =
                    EVENTS.stream()
                            .anyMatch(
                                    e ->
                                            e.userId().equals(user)
                                                    && e.eventType() == EventType.PURCHASE
                                                    && e.timestamp() > asOf
                                                    && e.timestamp()
                                                            <= asOf
                                                                    + Duration.ofDays(7)
                                                                            .toMillis());
            boolean cameBack =
                    EVENTS.stream()
                            .anyMatch(
                                    e ->
                                            e.userId().equals(user)
                                                    && e.timestamp() > asOf
                                                    && e.timestamp()
                                                            <= asOf
                                                                    + Duration.ofDays(30)
                                                                            .toMillis());
            assertThat(row.purchasedNext7d()).as("purchase label of " + user).isEqualTo(bought);
            assertThat(row.churned30d()).as("churn label of " + user).isEqualTo(!cameBack);
        }
        assertThat(rows).anyMatch(TrainingRow::purchasedNext7d);
    }

    private static Map<String, UserFeatures> finalFeatures(RuntimeExecutionMode mode)
            throws Exception {
        StreamExecutionEnvironment env = environment(mode);
        PipelineConfig config = PipelineConfig.defaults();
        Map<String, UserFeatures> last = new HashMap<>();
        SessionsAndFeatures.features(SessionsAndFeatures.sessionize(timed(env), config), config)
                .executeAndCollect("features " + mode)
                .forEachRemaining(
                        f -> last.merge(f.userId(), f, (a, b) -> b.asOf() >= a.asOf() ? b : a));
        return last;
    }

    private static DataStream<ClickEvent> timed(StreamExecutionEnvironment env) {
        return env.fromData(EVENTS)
                .assignTimestampsAndWatermarks(
                        WatermarkStrategy.<ClickEvent>forBoundedOutOfOrderness(
                                        Duration.ofSeconds(10))
                                .withTimestampAssigner((e, ts) -> e.timestamp()));
    }

    private static StreamExecutionEnvironment environment(RuntimeExecutionMode mode) {
        StreamExecutionEnvironment env = FlinkTesting.strictEnvironment(2);
        env.setRuntimeMode(mode);
        return env;
    }
}
