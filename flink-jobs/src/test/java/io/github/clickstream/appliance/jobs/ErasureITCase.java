package io.github.clickstream.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.api.ApiKeys;
import io.github.clickstream.appliance.api.ApiRole;
import io.github.clickstream.appliance.api.ErasureConfig;
import io.github.clickstream.appliance.api.RunningSearchApi;
import io.github.clickstream.appliance.api.SearchApi;
import io.github.clickstream.appliance.api.SearchApiConfig;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import io.github.clickstream.appliance.testing.AllDocuments;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The right to be forgotten end to end: the streaming job runs on Kafka, two shoppers are erased
 * through the real search API, and within 60 s they have no document left in users, sessions or
 * dead letters while every other shopper's documents are exactly as before. Then the erased
 * shoppers' events are sent again (later, so they are not simply late): they create nothing, while
 * the very same events under a fresh id create a profile.
 */
@ExtendWith(LocalStackExtension.class)
class ErasureITCase {

    private static final ApiKeys.NewKey ADMIN = ApiKeys.generate("erasure-test", ApiRole.ADMIN);

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final String TOPIC = "erasure-it-clickstream";
    private static final String ERASURES = "erasure-it-erasures";
    private static final String PREFIX = "erase-";
    private static final Instant START = Instant.parse("2024-09-01T00:00:00Z");
    private static final Duration REPLAY_SHIFT = Duration.ofDays(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void erasedShoppersDisappearAndTheirReplayedEventsCreateNothing(
            ElasticsearchNode node, KafkaBroker kafka) throws Exception {
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(new GeneratorConfig(40, 30, 3, 17, START))
                .forEachRemaining(e -> events.add(withUser(e, PREFIX + e.userId(), "")));
        kafka.createTopic(TOPIC, 2);
        kafka.createTopic(ERASURES, 1);
        Fixtures.send(kafka.bootstrapServers(), TOPIC, json(events));
        ElasticsearchConnection connection = ElasticsearchConnection.of(node.httpUrl());
        IndexSetup.apply(connection);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        ClickstreamJob.wire(
                env,
                new JobConfig(
                        kafka.bootstrapServers(),
                        TOPIC,
                        "erasure-it",
                        "erasure-it-dead-letters",
                        "erasure-it-models",
                        "erasure-it-marketing-actions",
                        false,
                        Duration.ofSeconds(1),
                        ElasticsearchSinkConfig.defaults(connection),
                        PipelineConfig.defaults().withoutInactivityRescoring(),
                        ERASURES));
        JobClient job = env.executeAsync("erasure test");
        try (ElasticsearchClient es = ElasticsearchClients.create(connection);
                RunningSearchApi api =
                        SearchApi.start(
                                SearchApiConfig.local(connection, ApiKeys.parse(ADMIN.configLine()))
                                        .withErasure(
                                                new ErasureConfig(
                                                        kafka.bootstrapServers(), ERASURES)))) {
            Map<String, JsonNode> before = awaitStableDocuments(es);
            List<String> victims = twoUsersWithProfileAndSessions(before);
            Map<String, JsonNode> expectedOthers = new TreeMap<>(before);
            expectedOthers.values().removeIf(doc -> victims.contains(userOf(doc)));
            assertThat(expectedOthers).hasSizeLessThan(before.size());

            for (String victim : victims) {
                assertThat(erase(api, victim)).isEqualTo(200);
            }

            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(hitsOf(es, victims)).isZero());
            // Nobody else lost or changed anything, and it stays so over several checkpoints.
            await().during(Duration.ofSeconds(4))
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> documents(es).equals(expectedOthers));

            String control = PREFIX + "control";
            List<ClickEvent> replay = new ArrayList<>();
            for (ClickEvent e : events) {
                if (victims.contains(e.userId())) {
                    replay.add(withUser(e, e.userId(), "replayed-"));
                    if (e.userId().equals(victims.get(0))) {
                        replay.add(withUser(e, control, "control-"));
                    }
                }
            }
            Fixtures.send(kafka.bootstrapServers(), TOPIC, json(replay));
            advanceEventTimePastTheReplay(kafka, replay);

            await().atMost(Duration.ofSeconds(90)).until(() -> hitsOf(es, List.of(control)) > 0);
            assertThat(hitsOf(es, victims)).isZero();
        } finally {
            job.cancel().get();
        }
    }

    /** The event under another user, shifted by REPLAY_SHIFT when {@code idPrefix} is set. */
    private static ClickEvent withUser(ClickEvent e, String user, String idPrefix) {
        long shift = idPrefix.isEmpty() ? 0 : REPLAY_SHIFT.toMillis();
        return e.with(idPrefix + e.eventId(), user, e.timestamp() + shift);
    }

    /** One event a day after the replay on each partition, so every replayed session closes. */
    private static void advanceEventTimePastTheReplay(KafkaBroker kafka, List<ClickEvent> replay) {
        long last = replay.stream().mapToLong(ClickEvent::timestamp).max().orElseThrow();
        for (int partition = 0; partition < 2; partition++) {
            ClickEvent tick =
                    ClickEvent.builder(
                                    "tick-" + partition,
                                    PREFIX + "clock",
                                    EventType.VIEW,
                                    last + Duration.ofDays(1).toMillis())
                            .item("clock-item")
                            .build();
            Fixtures.send(kafka.bootstrapServers(), TOPIC, partition, json(List.of(tick)));
        }
    }

    private static List<String> json(List<ClickEvent> events) {
        return events.stream()
                .map(e -> new String(ClickEventJson.toJson(e), StandardCharsets.UTF_8))
                .toList();
    }

    /** This test's users and sessions once two reads a few checkpoints apart agree. */
    private static Map<String, JsonNode> awaitStableDocuments(ElasticsearchClient es) {
        List<Map<String, JsonNode>> last = new ArrayList<>(List.of(Map.of()));
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(3))
                .ignoreExceptions() // the sessions index appears with the first session
                .until(
                        () -> {
                            Map<String, JsonNode> now = documents(es);

                            boolean stable = !now.isEmpty() && now.equals(last.get(0));
                            last.set(0, now);
                            return stable;
                        });
        return last.get(0);
    }

    private static List<String> twoUsersWithProfileAndSessions(Map<String, JsonNode> documents) {
        TreeSet<String> withProfile = new TreeSet<>();
        TreeSet<String> withSessions = new TreeSet<>();
        documents.forEach(
                (key, doc) ->
                        (key.startsWith("users/") ? withProfile : withSessions).add(userOf(doc)));
        withProfile.retainAll(withSessions);
        assertThat(withProfile).hasSizeGreaterThan(4);
        return List.copyOf(withProfile).subList(0, 2);
    }

    private static String userOf(JsonNode document) {
        return document.path("user_id").asText();
    }

    /** Every users and sessions document of this test's shoppers, by index and id. */
    private static Map<String, JsonNode> documents(ElasticsearchClient es) throws IOException {
        es.indices().refresh(r -> r.index("users", "sessions"));
        Query ours = Query.of(q -> q.prefix(p -> p.field("user_id").value(PREFIX)));
        Map<String, JsonNode> documents = new TreeMap<>();
        for (String[] index : new String[][] {{"users", "user_id"}, {"sessions", "session_id"}}) {
            for (Map.Entry<String, JsonData> doc :
                    AllDocuments.of(es, index[0], ours, index[1], JsonData.class).entrySet()) {
                documents.put(
                        index[0] + "/" + doc.getKey(),
                        JSON.readTree(doc.getValue().toJson().toString()));
            }
        }
        return documents;
    }

    /** Documents of these users in users, sessions and dead letters. */
    private static long hitsOf(ElasticsearchClient es, List<String> users) throws IOException {
        List<String> indices = List.of("users", "sessions", "dead-letters");
        es.indices().refresh(r -> r.index(indices).ignoreUnavailable(true));
        List<FieldValue> ids = users.stream().map(FieldValue::of).toList();
        Query ofUsers = Query.of(q -> q.terms(t -> t.field("user_id").terms(v -> v.value(ids))));
        return es.count(c -> c.index(indices).ignoreUnavailable(true).query(ofUsers)).count();
    }

    private static int erase(RunningSearchApi api, String user) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(api.url() + "/api/v1/users/" + user))
                                        .header("Authorization", "Bearer " + ADMIN.token())
                                        .DELETE()
                                        .timeout(Duration.ofSeconds(30))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        assertThat(response.body()).contains("\"deleted\"");
        return response.statusCode();
    }
}
