package io.github.clickstream.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.util.ObjectBuilder;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.DeadLetterDocument;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.mappings.MetricDocument;
import io.github.clickstream.appliance.mappings.SessionDocument;
import io.github.clickstream.appliance.mappings.UserDocument;
import io.github.clickstream.appliance.models.InterpretedScorer;
import io.github.clickstream.appliance.models.LoadedModel;
import io.github.clickstream.appliance.models.ModelInputs;
import io.github.clickstream.appliance.models.ModelLimits;
import io.github.clickstream.appliance.models.ModelLoader;
import io.github.clickstream.appliance.models.ModelSlot;
import io.github.clickstream.appliance.models.Scorer;
import io.github.clickstream.appliance.models.ShippedModels;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hand-checked fixture through real Kafka, the job on a MiniCluster and real Elasticsearch:
 * out-of-order, duplicate, late-but-allowed, too-late and malformed events. Every expected value
 * below was computed by hand from the events in {@link #phases}. Events go to one partition in
 * phases, each phase waiting for a document that proves event time has moved on, so which event is
 * late does not depend on timing.
 */
@ExtendWith(LocalStackExtension.class)
class GoldenPipelineITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final Instant BEGINNING = Instant.parse("2026-11-02T09:00:00Z");
    private static final String TOPIC = "golden-clickstream";
    private static final String SESSIONS = "sessions-2026.11";

    private static ElasticsearchClient es;
    private static JobClient job;

    @BeforeAll
    static void runFixtureThroughTheJob(ElasticsearchNode node, KafkaBroker kafka)
            throws Exception {
        ElasticsearchConnection connection = ElasticsearchConnection.of(node.httpUrl());
        IndexSetup.apply(connection);
        es = ElasticsearchClients.create(connection);
        kafka.createTopic(TOPIC, 1);
        kafka.createTopic(JobConfig.DEFAULT_DEAD_LETTER_TOPIC + "-golden", 1);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        ClickstreamJob.wire(
                env,
                new JobConfig(
                        kafka.bootstrapServers(),
                        TOPIC,
                        "golden",
                        JobConfig.DEFAULT_DEAD_LETTER_TOPIC + "-golden",
                        "models-golden",
                        "marketing-actions-golden",
                        false,
                        Duration.ofSeconds(1),
                        ElasticsearchSinkConfig.defaults(connection),
                        PipelineConfig.defaults()));
        job = env.executeAsync("golden fixture");

        // A: u1's first session and u3's session close (event time reaches 39:50).
        Fixtures.send(kafka.bootstrapServers(), TOPIC, phaseA());
        awaitDocument(SESSIONS, "u3@2026-11-02T09:02:00Z");
        // B: late events within the allowed lateness update u3's closed session, one of them
        // moves its start earlier: the session gets a new id and the old document goes.
        Fixtures.send(
                kafka.bootstrapServers(),
                TOPIC,
                List.of(view("e13", "u3", "i3", "c1", 7), view("e18", "u3", "i4", "c1", 1)));
        awaitDocument(SESSIONS, "u3@2026-11-02T09:01:00Z");
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(60))
                .until(() -> session("u3@2026-11-02T09:01:00Z").views() == 4);
        // C: event time reaches 61:50, which u4's closed session proves.
        Fixtures.send(
                kafka.bootstrapServers(),
                TOPIC,
                List.of(view("e5", "u1", "i3", "c2", 60), cart("e6", "u1", "i3", "c2", 62)));
        awaitDocument(SESSIONS, "u4@2026-11-02T09:20:00Z");
        // D: too late, duplicate, broken; then an event far ahead closes every session.
        Fixtures.send(
                kafka.bootstrapServers(),
                TOPIC,
                List.of(
                        view("e15", "u3", "i9", "c1", 1),
                        view("e2", "u1", "i2", "c1", 3),
                        "{\"event_id\":",
                        "{\"event_id\":\"e16\",\"user_id\":\"u9\",\"event_type\":\"teleport\",\"ts\":1}",
                        view("e99", "u5", "i1", "c1", 200)));
        awaitDocument(SESSIONS, "u2@2026-11-02T09:01:00Z");
        awaitDocument(SESSIONS, "u1@2026-11-02T10:00:00Z");
        // metrics travel behind the sessions: wait for the last sessions' contributions
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                metric("cohort:1w:" + instant(-9 * 60).toEpochMilli() + ":0")
                                                .cohortUsers()
                                        == 4);
        awaitDocument("metrics-2026.11", "product:1h:" + instant(60).toEpochMilli() + ":item:i3");
        awaitDocument("metrics-2026.11", "funnel:1h:" + instant(60).toEpochMilli() + ":all:all");
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                metric("funnel:1h:" + instant(0).toEpochMilli() + ":all:all")
                                                .sessions()
                                        == 4);
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(60))
                .until(
                        () ->
                                es.count(
                                                        c ->
                                                                c.index("dead-letters")
                                                                        .query(
                                                                                GoldenPipelineITCase
                                                                                        ::ours))
                                                .count()
                                        == 4);
    }

    @AfterAll
    static void stop() throws Exception {
        if (job != null) {
            job.cancel().get();
        }
        if (es != null) {
            es.close();
        }
    }

    static List<String> phaseA() {
        return List.of(
                view("e1", "u1", "i1", "c1", 0),
                "{\"event_id\":\"e7\",\"user_id\":\"u2\",\"event_type\":\"view\",\"item_id\":\"i1\","
                        + "\"category_id\":\"c1\",\"experiment\":\"checkout-2026\","
                        + "\"variant\":\"treatment\",\"ts\":\""
                        + at(1)
                        + "\"}",
                view("e11", "u3", "i1", "c1", 2),
                view("e2", "u1", "i2", "c1", 3),
                "{\"event_id\":\"e8\",\"user_id\":\"u2\",\"event_type\":\"search\","
                        + "\"query\":\"shoes\",\"ts\":\""
                        + at(4)
                        + "\"}",
                cart("e3", "u1", "i2", "c1", 5),
                view("e12", "u3", "i2", "c1", 6),
                "{\"event_id\":\"e4\",\"user_id\":\"u1\",\"event_type\":\"purchase\",\"item_id\":\"i2\","
                        + "\"category_id\":\"c1\",\"price\":25.0,\"quantity\":2,\"ts\":\""
                        + at(8)
                        + "\"}",
                view("e9", "u2", "i4", "c3", 20),
                view("e17", "u4", "i7", "c5", 20),
                view("e10", "u2", "i5", "c3", 12), // out of order, still in u2's session
                view("e14", "u2", "i6", "c4", 40));
    }

    @Test
    void sessionsMatchTheHandComputedOnes() throws IOException {
        assertThat(session("u1@2026-11-02T09:00:00Z"))
                .isEqualTo(
                        new SessionDocument(
                                "u1@2026-11-02T09:00:00Z",
                                "u1",
                                instant(0),
                                instant(8),
                                480.0,
                                2,
                                1,
                                0,
                                1,
                                0,
                                0,
                                0,
                                2,
                                1,
                                50.0,
                                true,
                                false,
                                "i1",
                                "i2",
                                null,
                                null));
        assertThat(session("u1@2026-11-02T10:00:00Z"))
                .isEqualTo(
                        new SessionDocument(
                                "u1@2026-11-02T10:00:00Z",
                                "u1",
                                instant(60),
                                instant(62),
                                120.0,
                                1,
                                1,
                                0,
                                0,
                                0,
                                0,
                                0,
                                1,
                                1,
                                0.0,
                                false,
                                true,
                                "i3",
                                "i3",
                                null,
                                null));
        assertThat(session("u2@2026-11-02T09:01:00Z"))
                .isEqualTo(
                        new SessionDocument(
                                "u2@2026-11-02T09:01:00Z",
                                "u2",
                                instant(1),
                                instant(40),
                                2340.0,
                                4,
                                0,
                                0,
                                0,
                                1,
                                0,
                                0,
                                4,
                                3,
                                0.0,
                                false,
                                false,
                                "i1",
                                "i6",
                                "checkout-2026",
                                "treatment"));
        assertThat(session("u3@2026-11-02T09:01:00Z"))
                .isEqualTo(
                        new SessionDocument(
                                "u3@2026-11-02T09:01:00Z",
                                "u3",
                                instant(1),
                                instant(7),
                                360.0,
                                4,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                4,
                                1,
                                0.0,
                                false,
                                false,
                                "i4",
                                "i3",
                                null,
                                null));
        assertThat(es.exists(r -> r.index(SESSIONS).id("u3@2026-11-02T09:02:00Z")).value())
                .as("the version the late event replaced is deleted")
                .isFalse();
        assertThat(es.count(c -> c.index(SESSIONS)).count())
                .as("u5's session is still open")
                .isEqualTo(5);
    }

    @Test
    void userFeaturesMatchTheHandComputedOnes() throws IOException {
        UserDocument u1 = user("u1");
        assertThat(u1.sessions7d()).isEqualTo(2);
        assertThat(u1.sessions30d()).isEqualTo(2);
        assertThat(u1.orders30d()).isEqualTo(1);
        assertThat(u1.ordersLifetime()).isEqualTo(1);
        assertThat(u1.revenue30d()).isEqualTo(50.0);
        assertThat(u1.revenueLifetime()).isEqualTo(50.0);
        assertThat(u1.averageOrderValue()).isEqualTo(50.0);
        assertThat(u1.viewToCartRate()).isCloseTo(2.0 / 3.0, within(1e-12));
        assertThat(u1.cartToPurchaseRate()).isEqualTo(0.5);
        assertThat(u1.cartAbandonmentRate()).isEqualTo(0.5);
        assertThat(u1.avgSessionDurationS()).isEqualTo(300.0);
        assertThat(u1.avgSessionDepth()).isEqualTo(3.0);
        assertThat(u1.distinctCategories30d()).isEqualTo(2);
        assertThat(u1.favouriteCategory()).isEqualTo("c1");
        assertThat(u1.recentItems()).containsExactly("i3", "i2", "i1");
        assertThat(u1.firstSeen()).isEqualTo(instant(0));
        assertThat(u1.lastSeen()).isEqualTo(instant(62));
        assertThat(u1.lastPurchaseAt()).isEqualTo(instant(8));
        assertThat(u1.daysSinceLastVisit()).isEqualTo(0.0);
        assertThat(u1.daysSinceLastPurchase()).isCloseTo(54.0 / 1440.0, within(1e-12));
        assertThat(u1.updatedAt()).isEqualTo(instant(62));

        UserDocument u2 = user("u2");
        assertThat(u2.sessions30d()).isEqualTo(1);
        assertThat(u2.ordersLifetime()).isZero();
        assertThat(u2.averageOrderValue()).isNull();
        assertThat(u2.viewToCartRate()).isEqualTo(0.0);
        assertThat(u2.cartToPurchaseRate()).isNull();
        assertThat(u2.cartAbandonmentRate()).isNull();
        assertThat(u2.avgSessionDurationS()).isEqualTo(2340.0);
        assertThat(u2.avgSessionDepth()).isEqualTo(5.0);
        assertThat(u2.distinctCategories30d()).isEqualTo(3);
        assertThat(u2.favouriteCategory()).isEqualTo("c3");
        assertThat(u2.recentItems()).containsExactly("i6", "i4", "i5", "i1");
        assertThat(u2.lastPurchaseAt()).isNull();

        UserDocument u3 = user("u3");
        assertThat(u3.sessions30d()).as("the late updates replaced the session").isEqualTo(1);
        assertThat(u3.avgSessionDepth()).isEqualTo(4.0);
        assertThat(u3.avgSessionDurationS()).isEqualTo(360.0);
        assertThat(u3.recentItems()).containsExactly("i3", "i2", "i1", "i4");
    }

    @Test
    void usersCarryTheShippedModelsScoresForTheirHandComputedFeatures() throws Exception {
        // u1's features as checked by hand above; jpmml's interpreter scores them independently
        // of the pipeline's feature vector and of the compiled scorers.
        Map<String, Double> u1 = new HashMap<>();
        u1.put("sessions_7d", 2.0);
        u1.put("sessions_30d", 2.0);
        u1.put("orders_30d", 1.0);
        u1.put("orders_lifetime", 1.0);
        u1.put("revenue_30d", 50.0);
        u1.put("revenue_lifetime", 50.0);
        u1.put("average_order_value", 50.0);
        u1.put("view_to_cart_rate", 2.0 / 3.0);
        u1.put("cart_to_purchase_rate", 0.5);
        u1.put("cart_abandonment_rate", 0.5);
        u1.put("avg_session_duration_s", 300.0);
        u1.put("avg_session_depth", 3.0);
        u1.put("distinct_categories_30d", 2.0);
        u1.put("days_since_last_visit", 0.0);
        u1.put("days_since_last_purchase", 54.0 / 1440.0);
        u1.put("tenure_days", 62.0 / 1440.0);
        UserDocument document = user("u1");

        assertThat(document.purchasePropensity())
                .isCloseTo(interpreted(ModelSlot.PURCHASE_PROPENSITY, u1), within(1e-9));
        assertThat(document.churnRisk())
                .isCloseTo(interpreted(ModelSlot.CHURN_RISK, u1), within(1e-9));
        LoadedModel segment =
                new ModelLoader(ModelLimits.DEFAULTS).load(ShippedModels.pmml(ModelSlot.SEGMENT));
        int cluster = (int) interpreted(ModelSlot.SEGMENT, u1);
        assertThat(document.segmentId()).isEqualTo(cluster);
        assertThat(document.segmentName())
                .isEqualTo(
                        ModelInputs.clusterNames(
                                        (org.dmg.pmml.clustering.ClusteringModel) segment.model())
                                .get(cluster));
        assertThat(document.modelVersions())
                .containsExactly(
                        label(ModelSlot.PURCHASE_PROPENSITY),
                        label(ModelSlot.CHURN_RISK),
                        label(ModelSlot.SEGMENT));
        assertThat(document.reasons())
                .filteredOn(r -> r.model().equals("purchase_propensity"))
                .hasSize(3);
        assertThat(document.reasons()).filteredOn(r -> r.model().equals("churn_risk")).isNotEmpty();
        for (String user : List.of("u2", "u3", "u4")) {
            UserDocument scored = user(user);
            assertThat(scored.purchasePropensity()).as(user).isBetween(0.0, 1.0);
            assertThat(scored.churnRisk()).as(user).isBetween(0.0, 1.0);
            assertThat(scored.segmentName()).as(user).isNotBlank();
            assertThat(scored.modelVersions()).as(user).hasSize(3);
        }
    }

    private static double interpreted(ModelSlot slot, Map<String, Double> features)
            throws Exception {
        LoadedModel model = new ModelLoader(ModelLimits.DEFAULTS).load(ShippedModels.pmml(slot));
        Scorer scorer = new InterpretedScorer(model);
        return scorer.predict(scorer.inputNames().stream().mapToDouble(features::get).toArray());
    }

    private static String label(ModelSlot slot) throws Exception {
        return new ModelLoader(ModelLimits.DEFAULTS).load(ShippedModels.pmml(slot)).label();
    }

    @Test
    void funnelMetricsMatchTheHandComputedOnes() throws IOException {
        // 09:00-10:00: u1's first session (bought), u2, u3 (its 09:02 version was merged into
        // 09:01), u4; u1's 10:00 session abandoned its cart; u5's session is still open.
        MetricDocument nine = metric("funnel:1h:" + instant(0).toEpochMilli() + ":all:all");
        assertThat(nine.sessions()).isEqualTo(4);
        assertThat(nine.activeUsers()).isEqualTo(4);
        assertThat(nine.viewSessions()).isEqualTo(4);
        assertThat(nine.cartSessions()).isEqualTo(1);
        assertThat(nine.purchaseSessions()).isEqualTo(1);
        assertThat(nine.orders()).isEqualTo(1);
        assertThat(nine.revenue()).isEqualTo(50.0);
        assertThat(nine.conversionRate()).isEqualTo(0.25);
        assertThat(nine.cartAbandonmentRate()).isEqualTo(0.0);
        MetricDocument ten = metric("funnel:1h:" + instant(60).toEpochMilli() + ":all:all");
        assertThat(ten.sessions()).isEqualTo(1);
        assertThat(ten.cartAbandonmentRate()).isEqualTo(1.0);
        assertThat(ten.conversionRate()).isEqualTo(0.0);
        MetricDocument treatment =
                metric("funnel:1h:" + instant(0).toEpochMilli() + ":variant:treatment");
        assertThat(treatment.sessions()).isEqualTo(1);
        assertThat(treatment.activeUsers()).isEqualTo(1);
        MetricDocument categoryC1 =
                metric("funnel:1h:" + instant(0).toEpochMilli() + ":category:c1");
        assertThat(categoryC1.sessions()).as("u1, u2 and u3 touched c1").isEqualTo(3);
        // The minute where u3's replaced version started is corrected, not duplicated.
        MetricDocument replacedMinute =
                metric("funnel:1m:" + instant(2).toEpochMilli() + ":all:all");
        assertThat(replacedMinute.sessions()).isZero();
        assertThat(replacedMinute.activeUsers()).isZero();
        assertThat(metric("funnel:1m:" + instant(1).toEpochMilli() + ":all:all").sessions())
                .as("u2 and u3 now both start at 09:01")
                .isEqualTo(2);
    }

    @Test
    void funnelBySegmentCountsEachSessionUnderTheSegmentScoredBeforeIt() throws IOException {
        // 09:00-10:00 holds every shopper's first session: nobody was scored before it.
        MetricDocument unscored =
                metric("funnel:1h:" + instant(0).toEpochMilli() + ":segment:unscored");
        assertThat(unscored.sessions()).isEqualTo(4);
        assertThat(unscored.revenue()).isEqualTo(50.0);
        // 10:00 holds u1's second session; u1 was scored into a segment after the first.
        List<MetricDocument> ten =
                es
                        .search(
                                s ->
                                        s.index("metrics-2026.11")
                                                .query(
                                                        q ->
                                                                q.bool(
                                                                        b ->
                                                                                b.filter(
                                                                                                f ->
                                                                                                        f
                                                                                                                .term(
                                                                                                                        t ->
                                                                                                                                t.field(
                                                                                                                                                "dimension")
                                                                                                                                        .value(
                                                                                                                                                "segment")))
                                                                                        .filter(
                                                                                                f ->
                                                                                                        f
                                                                                                                .term(
                                                                                                                        t ->
                                                                                                                                t.field(
                                                                                                                                                "bucket_start")
                                                                                                                                        .value(
                                                                                                                                                instant(
                                                                                                                                                                60)
                                                                                                                                                        .toEpochMilli())))
                                                                                        .filter(
                                                                                                f ->
                                                                                                        f
                                                                                                                .term(
                                                                                                                        t ->
                                                                                                                                t.field(
                                                                                                                                                "bucket_size")
                                                                                                                                        .value(
                                                                                                                                                "1h"))))),
                                MetricDocument.class)
                        .hits()
                        .hits()
                        .stream()
                        .map(h -> h.source())
                        .filter(m -> m.sessions() > 0)
                        .toList();
        assertThat(ten).hasSize(1);
        assertThat(ten.get(0).dimensionValue()).isNotEqualTo("unscored");
    }

    @Test
    void productMetricsCountEachItemAndCategoryPerHour() throws IOException {
        String nine = "product:1h:" + instant(0).toEpochMilli();
        MetricDocument itemI2 = metric(nine + ":item:i2");
        assertThat(itemI2.views())
                .as("e2 and e12; the duplicate of e2 is not counted")
                .isEqualTo(2);
        assertThat(itemI2.carts()).isEqualTo(1);
        assertThat(itemI2.purchases()).isEqualTo(1);
        assertThat(itemI2.revenue()).isEqualTo(50.0);
        // e15 was too late for its session but not for its hour, whose window stays open
        // until 10:10 in event time.
        MetricDocument categoryC1 = metric(nine + ":category:c1");
        assertThat(categoryC1.views()).isEqualTo(8);
        assertThat(categoryC1.carts()).isEqualTo(1);
        assertThat(categoryC1.purchases()).isEqualTo(1);
        assertThat(categoryC1.revenue()).isEqualTo(50.0);
    }

    @Test
    void cohortOfTheFixtureWeekHasEveryUserWithAClosedSession() throws IOException {
        // 2026-11-02 is a Monday; u1 to u4 closed sessions that week (u5's is still open).
        MetricDocument weekZero = metric("cohort:1w:" + instant(-9 * 60).toEpochMilli() + ":0");
        assertThat(weekZero.cohortUsers()).isEqualTo(4);
        assertThat(weekZero.retainedUsers()).isEqualTo(4);
        assertThat(weekZero.weeksSince()).isZero();
    }

    @Test
    void everyBadRecordIsADeadLetterWithItsReason() throws IOException {
        List<String> reasons =
                es
                        .search(
                                s ->
                                        s.index("dead-letters")
                                                .query(GoldenPipelineITCase::ours)
                                                .size(20),
                                DeadLetterDocument.class)
                        .hits()
                        .hits()
                        .stream()
                        .map(hit -> hit.source().reason())
                        .sorted()
                        .toList();
        assertThat(reasons)
                .containsExactly(
                        "DUPLICATE_EVENT", "LATE_EVENT", "MALFORMED_JSON", "UNKNOWN_EVENT_TYPE");
    }

    /** This fixture's dead letters: from its topic, or about its events (other tests share ES). */
    private static ObjectBuilder<Query> ours(Query.Builder q) {
        return q.bool(
                b ->
                        b.should(s -> s.prefix(p -> p.field("source").value(TOPIC)))
                                .should(
                                        s ->
                                                s.range(
                                                        r ->
                                                                r.date(
                                                                        d ->
                                                                                d.field(
                                                                                                "event_time")
                                                                                        .gte(
                                                                                                BEGINNING
                                                                                                        .toString())
                                                                                        .lt(
                                                                                                instant(
                                                                                                                300)
                                                                                                        .toString())))));
    }

    private static void awaitDocument(String index, String id) {
        await().ignoreExceptions()
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> es.exists(r -> r.index(index).id(id)).value());
    }

    private static SessionDocument session(String id) throws IOException {
        GetResponse<SessionDocument> got =
                es.get(r -> r.index(SESSIONS).id(id), SessionDocument.class);
        assertThat(got.found()).as("session " + id).isTrue();
        return got.source();
    }

    private static MetricDocument metric(String id) throws IOException {
        GetResponse<MetricDocument> got =
                es.get(r -> r.index("metrics-2026.11").id(id), MetricDocument.class);
        assertThat(got.found()).as("metric " + id).isTrue();
        return got.source();
    }

    private static UserDocument user(String id) throws IOException {
        GetResponse<UserDocument> got = es.get(r -> r.index("users").id(id), UserDocument.class);
        assertThat(got.found()).as("user " + id).isTrue();
        return got.source();
    }

    private static Instant instant(int minutes) {
        return BEGINNING.plus(Duration.ofMinutes(minutes));
    }

    private static String at(int minutes) {
        return instant(minutes).toString();
    }

    private static String view(String id, String user, String item, String category, int minute) {
        return event(id, user, "view", item, category, minute);
    }

    private static String cart(String id, String user, String item, String category, int minute) {
        return event(id, user, "cart", item, category, minute);
    }

    private static String event(
            String id, String user, String type, String item, String category, int minute) {
        return "{\"event_id\":\"%s\",\"user_id\":\"%s\",\"event_type\":\"%s\",\"item_id\":\"%s\",\"category_id\":\"%s\",\"ts\":\"%s\"}"
                .formatted(id, user, type, item, category, at(minute));
    }
}
