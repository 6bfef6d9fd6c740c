package io.github.clickstream.appliance.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.erasure.Erasures;
import io.github.clickstream.appliance.features.UserFeatures;
import io.github.clickstream.appliance.models.CsvTable;
import io.github.clickstream.appliance.pipeline.ClickstreamPipeline;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Crafted sequences of user updates through the scoring operator on a MiniCluster. Which rows are
 * above the churn threshold, and which cluster a row belongs to, comes from scikit-learn's own
 * predictions in the shipped holdout files, not from the scorer under test.
 */
class MarketingActionsITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final long DAY = 86_400_000L;
    private static final long T0 = 1_790_000_000_000L;

    @Test
    void oneActionPerUpwardCrossingOfTheChurnThreshold() throws Exception {
        CsvTable churn = holdout("churn_risk");
        Map<String, String> low = first(churn, r -> probability(r) < 0.3);
        Map<String, String> high = first(churn, r -> probability(r) > 0.9);
        List<UserFeatures> updates = new ArrayList<>();
        List<Map<String, String>> u1 = List.of(low, high, high, low, high, high);
        for (int i = 0; i < u1.size(); i++) {
            updates.add(features("u1", T0 + i * DAY, u1.get(i)));
        }
        updates.add(features("u2", T0, high));
        updates.add(features("u3", T0, low));

        List<MarketingAction> actions =
                run(updates).stream()
                        .filter(a -> a.kind() == MarketingAction.Kind.CHURN_RISK_CROSSED)
                        .toList();

        assertThat(actions)
                .extracting(MarketingAction::userId, MarketingAction::at)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("u1", T0 + DAY),
                        org.assertj.core.groups.Tuple.tuple("u1", T0 + 4 * DAY),
                        org.assertj.core.groups.Tuple.tuple("u2", T0));
        assertThat(actions).allSatisfy(a -> assertThat(a.churnRisk()).isGreaterThan(0.7));
        assertThat(actions).extracting(MarketingAction::id).doesNotHaveDuplicates();
    }

    @Test
    void oneActionPerSegmentChangeNamingBothSegments() throws Exception {
        CsvTable segments = holdout("segment");
        Map<String, String> a = segments.rows().get(0);
        Map<String, String> b = first(segments, r -> !r.get("cluster").equals(a.get("cluster")));
        List<Map<String, String>> sequence = List.of(a, a, b, b, a);
        List<UserFeatures> updates = new ArrayList<>();
        for (int i = 0; i < sequence.size(); i++) {
            updates.add(features("u1", T0 + i * DAY, sequence.get(i)));
        }
        JsonNode labels = segmentLabels();
        String nameA = labels.get(a.get("cluster")).asText();
        String nameB = labels.get(b.get("cluster")).asText();

        List<MarketingAction> actions =
                run(updates).stream()
                        .filter(x -> x.kind() == MarketingAction.Kind.SEGMENT_CHANGED)
                        .toList();

        assertThat(actions)
                .extracting(
                        MarketingAction::at,
                        MarketingAction::previousSegmentName,
                        MarketingAction::segmentName)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(T0 + 2 * DAY, nameA, nameB),
                        org.assertj.core.groups.Tuple.tuple(T0 + 4 * DAY, nameB, nameA));
    }

    private static List<MarketingAction> run(List<UserFeatures> updates) throws Exception {
        StreamExecutionEnvironment env = FlinkTesting.strictEnvironment(1);
        DataStream<UserFeatures> users =
                env.fromData(updates, TypeInformation.of(UserFeatures.class));
        DataStream<ModelUpdate> noUpdates = ClickstreamPipeline.noModelUpdates(env);
        List<MarketingAction> actions = new ArrayList<>();
        Scoring.of(users, noUpdates, Erasures.none(env), ScoringConfig.DEFAULTS)
                .getSideOutput(UserScoring.MARKETING_ACTIONS)
                .executeAndCollect()
                .forEachRemaining(actions::add);
        return actions;
    }

    /** A user update whose model features are the holdout row's; the rest is neutral. */
    static UserFeatures features(String user, long asOf, Map<String, String> row) {
        double tenure = number(row, "tenure_days", 10);
        return new UserFeatures(
                user,
                asOf,
                asOf - Math.round(tenure * DAY),
                asOf,
                null,
                number(row, "days_since_last_visit", 1),
                null,
                (int) number(row, "sessions_7d", 1),
                (int) number(row, "sessions_30d", 3),
                (int) number(row, "orders_30d", 1),
                (int) number(row, "orders_lifetime", 1),
                number(row, "revenue_30d", 20),
                number(row, "revenue_lifetime", 20),
                nullable(row, "average_order_value"),
                nullable(row, "view_to_cart_rate"),
                nullable(row, "cart_to_purchase_rate"),
                nullable(row, "cart_abandonment_rate"),
                nullable(row, "avg_session_duration_s"),
                nullable(row, "avg_session_depth"),
                (int) number(row, "distinct_categories_30d", 2),
                "cat-1",
                List.of());
    }

    private static double number(Map<String, String> row, String column, double otherwise) {
        Double value = nullable(row, column);
        return value == null ? otherwise : value;
    }

    private static Double nullable(Map<String, String> row, String column) {
        String cell = row.get(column);
        return cell == null || cell.isEmpty() ? null : Double.parseDouble(cell);
    }

    static double probability(Map<String, String> row) {
        return Double.parseDouble(row.get("probability(1)"));
    }

    static Map<String, String> first(CsvTable table, Predicate<Map<String, String>> test) {
        return table.rows().stream().filter(test).findFirst().orElseThrow();
    }

    static CsvTable holdout(String model) throws Exception {
        try (InputStream in =
                MarketingActionsITCase.class.getResourceAsStream(
                        "/models/" + model + ".holdout.csv")) {
            return CsvTable.read(in);
        }
    }

    private static JsonNode segmentLabels() throws Exception {
        try (InputStream in =
                MarketingActionsITCase.class.getResourceAsStream("/models/segment_labels.json")) {
            return new ObjectMapper().readTree(in).get("labels");
        }
    }
}
