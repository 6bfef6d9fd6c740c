package io.github.clickstream.appliance.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.sessions.SessionSummary;
import io.github.clickstream.appliance.testing.FlinkTesting;
import io.github.clickstream.appliance.testing.SessionVersions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SessionsAndFeaturesITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final long BEGINNING = Instant.parse("2026-11-01T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    @Test
    void inactivityGapSplitsSessionsAndFeaturesFollowTheLastOne() throws Exception {
        List<ClickEvent> events =
                List.of(
                        event("e1", "u1", EventType.VIEW, "i1", "c1", null, 0),
                        event("e2", "u1", EventType.CART, "i1", "c1", null, 5),
                        // 45 minutes of silence > 30 minute gap: a new session
                        event("e3", "u1", EventType.VIEW, "i2", "c2", null, 50),
                        event("e4", "u1", EventType.PURCHASE, "i2", "c2", 10.0, 52),
                        event("e5", "u2", EventType.VIEW, "i7", "c1", null, 1));

        StreamExecutionEnvironment env = environment();
        DataStream<ClickEvent> timed =
                env.fromData(events)
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<ClickEvent>forBoundedOutOfOrderness(
                                                Duration.ofSeconds(10))
                                        .withTimestampAssigner((e, ts) -> e.timestamp()));
        PipelineConfig config = PipelineConfig.defaults();
        DataStream<SessionSummary> sessions = SessionsAndFeatures.sessionize(timed, config);
        List<SessionSummary> emitted = new ArrayList<>();
        sessions.executeAndCollect("sessions").forEachRemaining(emitted::add);
        assertThat(emitted).hasSize(3);
        List<SessionSummary> sessionList = List.copyOf(SessionVersions.latest(emitted).values());

        assertThat(sessionList)
                .extracting(SessionSummary::sessionId)
                .containsExactlyInAnyOrder(
                        "u1@2026-11-01T10:00:00Z",
                        "u1@2026-11-01T10:50:00Z",
                        "u2@2026-11-01T10:01:00Z");
        SessionSummary first = byId(sessionList, "u1@2026-11-01T10:00:00Z");
        assertThat(first.views()).isEqualTo(1);
        assertThat(first.carts()).isEqualTo(1);
        assertThat(first.durationSeconds()).isEqualTo(300.0);
        assertThat(first.cartAbandoned()).isTrue();
        assertThat(first.converted()).isFalse();
        SessionSummary second = byId(sessionList, "u1@2026-11-01T10:50:00Z");
        assertThat(second.purchases()).isEqualTo(1);
        assertThat(second.revenue()).isEqualTo(20.0); // price 10 x quantity 2
        assertThat(second.firstItem()).isEqualTo("i2");
        assertThat(second.converted()).isTrue();
    }

    @Test
    void userFeaturesAfterEachSessionCountBothSessions() throws Exception {
        List<ClickEvent> events =
                List.of(
                        event("e1", "u1", EventType.VIEW, "i1", "c1", null, 0),
                        event("e2", "u1", EventType.CART, "i1", "c1", null, 5),
                        event("e3", "u1", EventType.VIEW, "i2", "c2", null, 50),
                        event("e4", "u1", EventType.PURCHASE, "i2", "c2", 10.0, 52));
        StreamExecutionEnvironment env = environment();
        DataStream<ClickEvent> timed =
                env.fromData(events)
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<ClickEvent>forMonotonousTimestamps()
                                        .withTimestampAssigner((e, ts) -> e.timestamp()));
        PipelineConfig config = PipelineConfig.defaults();
        List<UserFeatures> updates = new ArrayList<>();
        SessionsAndFeatures.features(SessionsAndFeatures.sessionize(timed, config), config)
                .executeAndCollect("features")
                .forEachRemaining(updates::add);

        assertThat(updates).as("one update per closed session").hasSize(2);
        UserFeatures last = updates.get(updates.size() - 1);
        assertThat(last.sessions30d()).isEqualTo(2);
        assertThat(last.ordersLifetime()).isEqualTo(1);
        assertThat(last.revenueLifetime()).isEqualTo(20.0);
        assertThat(last.viewToCartRate()).isEqualTo(0.5);
        assertThat(last.cartAbandonmentRate()).isEqualTo(1.0);
        assertThat(last.recentItems()).containsExactly("i2", "i1");
        assertThat(last.asOf()).isEqualTo(BEGINNING + 52 * MINUTE);
    }

    private static StreamExecutionEnvironment environment() {
        return FlinkTesting.strictEnvironment(2);
    }

    private static SessionSummary byId(List<SessionSummary> sessions, String id) {
        return sessions.stream().filter(s -> s.sessionId().equals(id)).findFirst().orElseThrow();
    }

    private static ClickEvent event(
            String id,
            String user,
            EventType type,
            String item,
            String category,
            Double price,
            long minute) {
        return new ClickEvent(
                id,
                user,
                type,
                item,
                category,
                null,
                null,
                price,
                type == EventType.PURCHASE ? 2 : null,
                null,
                null,
                null,
                BEGINNING + minute * MINUTE);
    }
}
