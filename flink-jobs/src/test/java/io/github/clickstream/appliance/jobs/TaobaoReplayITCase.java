package io.github.clickstream.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.UserKeyedRecords;
import io.github.clickstream.appliance.events.datasets.DatasetFormat;
import io.github.clickstream.appliance.events.datasets.DatasetReader;
import io.github.clickstream.appliance.events.datasets.SharedData;
import io.github.clickstream.appliance.localstack.AcknowledgedSends;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.mappings.UserDocument;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.reference.ReferenceFeatures;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import io.github.clickstream.appliance.testing.AllDocuments;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The real Taobao sample end to end (file, Kafka, Flink, Elasticsearch): every valid event is
 * accounted for in the sessions, and every user's features agree with the independent reference
 * computation over the same file.
 */
@ExtendWith(LocalStackExtension.class)
class TaobaoReplayITCase {

    private static final String SESSIONS = "sessions-2017.11";

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    @Test
    void everyEventIsAccountedForAndFeaturesMatchTheReference(
            ElasticsearchNode node, KafkaBroker kafka) throws Exception {
        Path file = SharedData.file("taobao-userbehavior-110k.csv");
        List<ClickEvent> events = new ArrayList<>();
        try (DatasetReader reader = new DatasetReader(file, DatasetFormat.TAOBAO)) {
            reader.forEachRemaining(r -> events.add(r.event()));
        }
        String topic = "taobao";
        kafka.createTopic(topic, 2);
        produce(kafka.bootstrapServers(), topic, events);
        ElasticsearchConnection connection = ElasticsearchConnection.of(node.httpUrl());
        IndexSetup.apply(connection);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        ClickstreamJob.wire(
                env,
                new JobConfig(
                        kafka.bootstrapServers(),
                        topic,
                        "taobao-test",
                        "taobao-dead-letters",
                        "taobao-models",
                        "taobao-marketing-actions",
                        true,
                        Duration.ofSeconds(2),
                        ElasticsearchSinkConfig.defaults(connection),
                        // the reference computes features as of each user's last session
                        PipelineConfig.defaults().withoutInactivityRescoring()));
        env.execute("taobao replay");

        Map<String, List<ReferenceFeatures.Session>> reference =
                ReferenceFeatures.sessions(events, Duration.ofMinutes(30).toMillis());
        long referenceSessions = reference.values().stream().mapToLong(List::size).sum();
        try (ElasticsearchClient es = ElasticsearchClients.create(connection)) {
            // Other tests share this Elasticsearch: look only at this replay's documents
            // (its dead letters are none at all, so any dead letter of 2017 fails the test).
            es.indices().refresh(r -> r.index("sessions", "users"));
            assertThat(deadLettersOf(es, topic)).isZero();
            assertThat(es.count(c -> c.index(SESSIONS)).count()).isEqualTo(referenceSessions);
            assertThat(
                            sumOf(es, "views")
                                    + sumOf(es, "carts")
                                    + sumOf(es, "purchases")
                                    + sumOf(es, "favourites"))
                    .isEqualTo(events.size());
            assertThat(sumOf(es, "purchases"))
                    .isEqualTo(
                            events.stream()
                                    .filter(e -> e.eventType() == EventType.PURCHASE)
                                    .count());

            Map<String, UserDocument> users = allUsers(es);
            assertThat(users).hasSize(reference.size());
            reference.forEach(
                    (user, sessions) -> {
                        Map<String, Object> expected =
                                ReferenceFeatures.featuresAfterLastSession(sessions);
                        UserDocument actual = users.get(user);
                        assertThat(actual).as("user " + user).isNotNull();
                        assertThat(actual.sessions30d()).isEqualTo(expected.get("sessions_30d"));
                        assertThat((long) actual.ordersLifetime())
                                .isEqualTo(expected.get("orders_lifetime"));
                        assertThat(actual.distinctCategories30d())
                                .isEqualTo(expected.get("distinct_categories_30d"));
                        assertThat(actual.lastSeen().toEpochMilli())
                                .isEqualTo(expected.get("last_seen"));
                        assertRate(actual.viewToCartRate(), expected.get("view_to_cart_rate"));
                        assertRate(
                                actual.cartAbandonmentRate(),
                                expected.get("cart_abandonment_rate"));
                    });
        }
    }

    /** Dead letters from this topic, or about events of 2017 (late and duplicate ones). */
    private static long deadLettersOf(ElasticsearchClient es, String topic) throws Exception {
        return es.count(
                        c ->
                                c.index("dead-letters*")
                                        .allowNoIndices(true)
                                        .query(
                                                q ->
                                                        q.bool(
                                                                b ->
                                                                        b.should(
                                                                                        s ->
                                                                                                s
                                                                                                        .prefix(
                                                                                                                p ->
                                                                                                                        p.field(
                                                                                                                                        "source")
                                                                                                                                .value(
                                                                                                                                        topic)))
                                                                                .should(
                                                                                        s ->
                                                                                                s
                                                                                                        .range(
                                                                                                                r ->
                                                                                                                        r
                                                                                                                                .date(
                                                                                                                                        d ->
                                                                                                                                                d.field(
                                                                                                                                                                "event_time")
                                                                                                                                                        .lt(
                                                                                                                                                                "2018-01-01")))))))
                .count();
    }

    private static void assertRate(Double actual, Object expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isCloseTo((Double) expected, within(1e-9));
        }
    }

    private static long sumOf(ElasticsearchClient es, String field) throws Exception {
        return (long)
                es.search(
                                s ->
                                        s.index(SESSIONS)
                                                .size(0)
                                                .aggregations(
                                                        "total", a -> a.sum(m -> m.field(field))),
                                Void.class)
                        .aggregations()
                        .get("total")
                        .sum()
                        .value();
    }

    /** This replay's users (other tests share the index): those last seen in 2017. */
    private static Map<String, UserDocument> allUsers(ElasticsearchClient es) throws Exception {
        return AllDocuments.of(
                es,
                "users",
                Query.of(q -> q.range(r -> r.date(d -> d.field("last_seen").lt("2018-01-01")))),
                "user_id",
                UserDocument.class);
    }

    private static void produce(String bootstrap, String topic, List<ClickEvent> events) {
        AcknowledgedSends.send(bootstrap, UserKeyedRecords.of(topic, events));
    }
}
