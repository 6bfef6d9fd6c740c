package io.github.clickstream.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.mappings.SessionDocument;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A backlog in two partitions read by one reader, one partition two days ahead of the other: each
 * partition keeps its own watermark, so reading the one ahead does not make the other's events
 * late. (With the watermark taken after the source, whichever partition the reader happened to read
 * first moved event time for both, and the other partition's events were dead-lettered.)
 */
@ExtendWith(LocalStackExtension.class)
class BacklogEventTimeITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final String TOPIC = "backlog-clickstream";
    private static final int EVENTS_PER_PARTITION = 3_000;
    private static final Duration EVENT_SPACING = Duration.ofSeconds(20);

    @Test
    void aPartitionAheadMakesNoEventOfTheOtherLate(ElasticsearchNode node, KafkaBroker kafka)
            throws Exception {
        ElasticsearchConnection connection = ElasticsearchConnection.of(node.httpUrl());
        IndexSetup.apply(connection);
        kafka.createTopic(TOPIC, 2);
        Fixtures.send(
                kafka.bootstrapServers(),
                TOPIC,
                0,
                views("behind", Instant.parse("2026-11-03T00:00:00Z")));
        Fixtures.send(
                kafka.bootstrapServers(),
                TOPIC,
                1,
                views("ahead", Instant.parse("2026-11-05T00:00:00Z")));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1); // one reader for both partitions
        ClickstreamJob.wire(
                env,
                new JobConfig(
                        kafka.bootstrapServers(),
                        TOPIC,
                        "backlog",
                        "dead-letters-backlog",
                        "models-backlog",
                        "marketing-actions-backlog",
                        true,
                        Duration.ofSeconds(1),
                        ElasticsearchSinkConfig.defaults(connection),
                        PipelineConfig.defaults()));
        env.execute("backlog in two partitions");

        try (ElasticsearchClient es = ElasticsearchClients.create(connection)) {
            es.indices().refresh(r -> r.index("sessions-*", "dead-letters"));
            long deadLetters =
                    es.count(
                                    c ->
                                            c.index("dead-letters")
                                                    .query(
                                                            q ->
                                                                    q.terms(
                                                                            t ->
                                                                                    t.field(
                                                                                                    "user_id")
                                                                                            .terms(
                                                                                                    v ->
                                                                                                            v
                                                                                                                    .value(
                                                                                                                            List
                                                                                                                                    .of(
                                                                                                                                            FieldValue
                                                                                                                                                    .of(
                                                                                                                                                            "behind"),
                                                                                                                                            FieldValue
                                                                                                                                                    .of(
                                                                                                                                                            "ahead")))))))
                            .count();
            assertThat(deadLetters).isZero();
            assertThat(viewsOf(es, "behind")).isEqualTo(EVENTS_PER_PARTITION);
            assertThat(viewsOf(es, "ahead")).isEqualTo(EVENTS_PER_PARTITION);
        }
    }

    private static long viewsOf(ElasticsearchClient es, String user) throws Exception {
        return es
                .search(
                        s ->
                                s.index("sessions-*")
                                        .query(q -> q.term(t -> t.field("user_id").value(user)))
                                        .size(1_000),
                        SessionDocument.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::source)
                .mapToLong(SessionDocument::views)
                .sum();
    }

    /** One view every 20 s: a single long session per user, no event late within it. */
    private static List<String> views(String user, Instant from) {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < EVENTS_PER_PARTITION; i++) {
            events.add(
                    "{\"event_id\":\"%s-%d\",\"user_id\":\"%s\",\"event_type\":\"view\",\"item_id\":\"i%d\",\"category_id\":\"c1\",\"ts\":\"%s\"}"
                            .formatted(
                                    user,
                                    i,
                                    user,
                                    i % 50,
                                    from.plus(EVENT_SPACING.multipliedBy(i))));
        }
        return events;
    }
}
