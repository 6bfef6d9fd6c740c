package io.github.clickstream.appliance.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.pipeline.ClickstreamPipeline;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A three-week retention triangle computed by hand, through the whole pipeline. */
class CohortMetricsITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    /** A Monday. */
    private static final Instant WEEK_0 = Instant.parse("2026-11-02T00:00:00Z");

    @Test
    void retentionTriangleOfThreeWeeks() throws Exception {
        List<RawEvent> input = new ArrayList<>();
        // cohort of week 0: u1, u2, u3; week 1: u1, u2 come back; week 2: only u1.
        // u4 first comes in week 1 (its own cohort) and comes back in week 2.
        visit(input, "u1", 0, 10);
        visit(input, "u2", 1, 11);
        visit(input, "u3", 2, 12);
        visit(input, "u1", 8, 10);
        visit(input, "u2", 9, 20);
        visit(input, "u4", 10, 9);
        visit(input, "u1", 15, 10);
        visit(input, "u4", 16, 21);

        StreamExecutionEnvironment env = FlinkTesting.strictEnvironment(2);
        Map<String, CohortMetric> cells = new TreeMap<>();
        ClickstreamPipeline.build(
                        ClickstreamPipeline.withEventTime(
                                env.fromData(input), PipelineConfig.defaults()),
                        PipelineConfig.defaults())
                .cohortMetrics()
                .executeAndCollect("cohorts")
                .forEachRemaining(m -> cells.put(m.id(), m));

        long week0 = WEEK_0.toEpochMilli();
        long week1 = WEEK_0.plus(Duration.ofDays(7)).toEpochMilli();
        assertThat(cells)
                .as("no purchases, so no repeat-purchase cohorts")
                .containsOnlyKeys(
                        "cohort:1w:" + week0 + ":0",
                        "cohort:1w:" + week0 + ":1",
                        "cohort:1w:" + week0 + ":2",
                        "cohort:1w:" + week1 + ":0",
                        "cohort:1w:" + week1 + ":1");
        assertThat(cells.get("cohort:1w:" + week0 + ":0"))
                .isEqualTo(new CohortMetric(CohortKind.RETENTION, week0, 0, 3, 3));
        assertThat(cells.get("cohort:1w:" + week0 + ":1"))
                .isEqualTo(new CohortMetric(CohortKind.RETENTION, week0, 1, 3, 2));
        assertThat(cells.get("cohort:1w:" + week0 + ":2"))
                .isEqualTo(new CohortMetric(CohortKind.RETENTION, week0, 2, 3, 1));
        assertThat(cells.get("cohort:1w:" + week1 + ":0"))
                .isEqualTo(new CohortMetric(CohortKind.RETENTION, week1, 0, 1, 1));
        assertThat(cells.get("cohort:1w:" + week1 + ":1"))
                .isEqualTo(new CohortMetric(CohortKind.RETENTION, week1, 1, 1, 1));
    }

    @Test
    void repeatPurchaseTriangle() throws Exception {
        List<RawEvent> input = new ArrayList<>();
        // first purchase in week 0: u1, u2; u1 buys again in weeks 1 and 2, u2 never again.
        // u3 first buys in week 1 and again in week 3; u4 only browses.
        buy(input, "u1", 0);
        buy(input, "u2", 2);
        buy(input, "u1", 8);
        buy(input, "u3", 9);
        visit(input, "u4", 9, 12);
        buy(input, "u1", 15);
        buy(input, "u3", 23);

        StreamExecutionEnvironment env = FlinkTesting.strictEnvironment(2);
        Map<String, CohortMetric> cells = new TreeMap<>();
        ClickstreamPipeline.build(
                        ClickstreamPipeline.withEventTime(
                                env.fromData(input), PipelineConfig.defaults()),
                        PipelineConfig.defaults())
                .cohortMetrics()
                .executeAndCollect("repeat purchases")
                .forEachRemaining(m -> cells.put(m.id(), m));

        long week0 = WEEK_0.toEpochMilli();
        long week1 = WEEK_0.plus(Duration.ofDays(7)).toEpochMilli();
        String prefix = "cohort:1w:repeat_purchase:";
        Map<String, CohortMetric> repeat = new TreeMap<>(cells);
        repeat.keySet().removeIf(id -> !id.startsWith(prefix));
        assertThat(repeat)
                .containsOnlyKeys(
                        prefix + week0 + ":0",
                        prefix + week0 + ":1",
                        prefix + week0 + ":2",
                        prefix + week1 + ":0",
                        prefix + week1 + ":2");
        CohortKind kind = CohortKind.REPEAT_PURCHASE;
        assertThat(repeat.get(prefix + week0 + ":0"))
                .isEqualTo(new CohortMetric(kind, week0, 0, 2, 2));
        assertThat(repeat.get(prefix + week0 + ":1"))
                .isEqualTo(new CohortMetric(kind, week0, 1, 2, 1));
        assertThat(repeat.get(prefix + week0 + ":2"))
                .isEqualTo(new CohortMetric(kind, week0, 2, 2, 1));
        assertThat(repeat.get(prefix + week1 + ":0"))
                .isEqualTo(new CohortMetric(kind, week1, 0, 1, 1));
        assertThat(repeat.get(prefix + week1 + ":2"))
                .isEqualTo(new CohortMetric(kind, week1, 2, 1, 1));
    }

    /** A view and a purchase at 10:00 on day {@code day}: one session with a purchase. */
    private static void buy(List<RawEvent> input, String user, int day) {
        Instant at = WEEK_0.plus(Duration.ofDays(day)).plus(Duration.ofHours(10));
        for (EventType type : List.of(EventType.VIEW, EventType.PURCHASE)) {
            ClickEvent event =
                    ClickEvent.builder(user + "-" + day + "-" + type, user, type, at.toEpochMilli())
                            .item("i1")
                            .category("c1", null)
                            .price(type == EventType.PURCHASE ? 10.0 : null)
                            .quantity(type == EventType.PURCHASE ? 1 : null)
                            .build();
            input.add(new RawEvent(ClickEventJson.toJson(event), "test", 0));
            at = at.plus(Duration.ofMinutes(1));
        }
    }

    /** Two views on day {@code day} at {@code hour}: one session. */
    private static void visit(List<RawEvent> input, String user, int day, int hour) {
        Instant at = WEEK_0.plus(Duration.ofDays(day)).plus(Duration.ofHours(hour));
        for (int i = 0; i < 2; i++) {
            ClickEvent view =
                    new ClickEvent(
                            user + "-" + day + "-" + i,
                            user,
                            EventType.VIEW,
                            "i" + i,
                            "c1",
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null,
                            at.plus(Duration.ofMinutes(i)).toEpochMilli());
            input.add(new RawEvent(ClickEventJson.toJson(view), "test", 0));
        }
    }
}
