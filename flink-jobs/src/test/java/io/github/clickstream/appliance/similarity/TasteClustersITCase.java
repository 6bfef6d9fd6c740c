package io.github.clickstream.appliance.similarity;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.UserKeyedRecords;
import io.github.clickstream.appliance.jobs.ClickstreamJob;
import io.github.clickstream.appliance.jobs.JobConfig;
import io.github.clickstream.appliance.localstack.AcknowledgedSends;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.mappings.ItemDocument;
import io.github.clickstream.appliance.mappings.ItemRanking;
import io.github.clickstream.appliance.mappings.SimilarItem;
import io.github.clickstream.appliance.mappings.UserDocument;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import io.github.clickstream.appliance.testing.AllDocuments;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two disjoint taste clusters through the whole job (Kafka, MiniCluster, Elasticsearch): shoppers
 * of cluster A only ever touch A items, and likewise for B. Every item's best neighbours must be
 * the rest of its own cluster, the API's personal ranking from cluster-A items must rank the other
 * A items first, and a kNN search with a cluster-A shopper's taste vector must rank A items first.
 */
@ExtendWith(LocalStackExtension.class)
class TasteClustersITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final String TOPIC = "taste-clusters";
    private static final Instant START = Instant.parse("2026-11-10T08:00:00Z");
    private static final int ITEMS_PER_CLUSTER = 8;

    @Test
    void neighboursAndTasteVectorsStayWithinEachCluster(ElasticsearchNode node, KafkaBroker kafka)
            throws Exception {
        ElasticsearchConnection connection = ElasticsearchConnection.of(node.httpUrl());
        IndexSetup.apply(connection);
        kafka.createTopic(TOPIC, 2);
        send(kafka, events());

        StreamExecutionEnvironment env = FlinkTesting.strictEnvironment(2);
        ClickstreamJob.wire(
                env,
                new JobConfig(
                        kafka.bootstrapServers(),
                        TOPIC,
                        "taste-clusters",
                        "taste-clusters-dead-letters",
                        "taste-clusters-models",
                        "taste-clusters-actions",
                        true,
                        Duration.ofSeconds(2),
                        ElasticsearchSinkConfig.defaults(connection),
                        PipelineConfig.defaults()));
        env.execute("taste clusters");

        try (ElasticsearchClient es = ElasticsearchClients.create(connection)) {
            es.indices().refresh(r -> r.index("items", "users"));
            Map<String, ItemDocument> items =
                    AllDocuments.of(
                            es,
                            "items",
                            Query.of(q -> q.prefix(p -> p.field("item_id").value("taste-"))),
                            "item_id",
                            ItemDocument.class);
            assertThat(items).hasSize(2 * ITEMS_PER_CLUSTER);
            for (ItemDocument item : items.values()) {
                assertThat(item.itemVector()).as(item.itemId()).hasSize(64);
                // Projection noise may add weak cross-cluster neighbours, but never above the
                // item's own cluster: its best neighbours are the rest of its cluster.
                assertThat(item.similarItems())
                        .as(item.itemId())
                        .hasSizeGreaterThanOrEqualTo(ITEMS_PER_CLUSTER - 1);
                assertThat(item.similarItems().subList(0, ITEMS_PER_CLUSTER - 1))
                        .extracting(SimilarItem::itemId)
                        .as(item.itemId())
                        .allMatch(neighbour -> cluster(neighbour) == cluster(item.itemId()));
                assertThat(item.views30d()).as(item.itemId()).isPositive();
            }

            // the search API's personal ranking, from two cluster-A items just viewed
            float[] recentQuery =
                    ItemRanking.personalQuery(
                            List.of(
                                    items.get("taste-a0").itemVector(),
                                    items.get("taste-a1").itemVector()));
            List<String> personal =
                    items.values().stream()
                            .filter(i -> !List.of("taste-a0", "taste-a1").contains(i.itemId()))
                            .sorted(
                                    Comparator.comparingDouble(
                                            (ItemDocument i) ->
                                                    -ItemRanking.score(
                                                            recentQuery, i.itemVector())))
                            .map(ItemDocument::itemId)
                            .limit(ITEMS_PER_CLUSTER - 2)
                            .toList();
            assertThat(personal).allMatch(id -> cluster(id) == 'a');

            UserDocument shopper =
                    es.get(g -> g.index("users").id("taste-user-a-0"), UserDocument.class).source();
            assertThat(shopper.userVector()).hasSize(64);
            List<Float> query = new ArrayList<>();
            for (float value : shopper.userVector()) {
                query.add(value);
            }
            List<String> ranked =
                    es
                            .search(
                                    s ->
                                            s.index("items")
                                                    .knn(
                                                            k ->
                                                                    k.field("item_vector")
                                                                            .queryVector(query)
                                                                            .k(ITEMS_PER_CLUSTER)
                                                                            .numCandidates(100)
                                                                            .filter(
                                                                                    f ->
                                                                                            f
                                                                                                    .prefix(
                                                                                                            p ->
                                                                                                                    p.field(
                                                                                                                                    "item_id")
                                                                                                                            .value(
                                                                                                                                    "taste-"))))
                                                    .size(ITEMS_PER_CLUSTER),
                                    ItemDocument.class)
                            .hits()
                            .hits()
                            .stream()
                            .map(h -> h.id())
                            .toList();
            assertThat(ranked).hasSize(ITEMS_PER_CLUSTER).allMatch(id -> cluster(id) == 'a');
        }
    }

    private static char cluster(String itemId) {
        return itemId.charAt("taste-".length());
    }

    /** 20 shoppers per cluster, three sessions each on three days, four items per session. */
    private static List<ClickEvent> events() {
        Random random = new Random(17);
        List<ClickEvent> events = new ArrayList<>();
        int id = 0;
        for (char cluster : new char[] {'a', 'b'}) {
            for (int user = 0; user < 20; user++) {
                String userId = "taste-user-" + cluster + "-" + user;
                for (int day = 0; day < 3; day++) {
                    long session = START.toEpochMilli() + day * 86_400_000L + user * 60_000L;
                    for (int step = 0; step < 4; step++) {
                        String item = "taste-" + cluster + random.nextInt(ITEMS_PER_CLUSTER);
                        EventType type =
                                step == 3 && user % 3 == 0 ? EventType.PURCHASE : EventType.VIEW;
                        ClickEvent.Builder event =
                                ClickEvent.builder(
                                                "taste-e" + id++,
                                                userId,
                                                type,
                                                session + step * 120_000L)
                                        .item(item)
                                        .category("taste-cat-" + cluster, "taste." + cluster);
                        if (type == EventType.PURCHASE) {
                            event.price(10.0).quantity(1);
                        }
                        events.add(event.build());
                    }
                }
            }
        }
        // one event two days later moves event time on, so every session and timer fires
        events.add(
                ClickEvent.builder(
                                "taste-e-last",
                                "taste-user-late",
                                EventType.VIEW,
                                START.toEpochMilli() + 6 * 86_400_000L)
                        .item("taste-a0")
                        .category("taste-cat-a", "taste.a")
                        .build());
        return events;
    }

    private static void send(KafkaBroker kafka, List<ClickEvent> events) {
        AcknowledgedSends.send(kafka.bootstrapServers(), UserKeyedRecords.of(TOPIC, events));
    }
}
