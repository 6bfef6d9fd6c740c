package io.github.clickstream.appliance.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.api.ApiKeys;
import io.github.clickstream.appliance.api.ApiRole;
import io.github.clickstream.appliance.api.ErasureConfig;
import io.github.clickstream.appliance.api.RunningSearchApi;
import io.github.clickstream.appliance.api.SearchApi;
import io.github.clickstream.appliance.api.SearchApiConfig;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.api.SavepointReader;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scenario 10 of the reliability suite at the size (docs/reliability.md): 100 shoppers are
 * erased through the search API while the production job runs under load. Within 60 s no index
 * holds a document of theirs; after the rest of the input, every other shopper's documents equal a
 * run of the same input without erasures; and a savepoint read with the State Processor API shows
 * that every operator keyed by user keeps nothing of theirs but the erased mark.
 */
@ExtendWith(LocalStackExtension.class)
class ErasureUnderLoadITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final ReliabilityScale SCALE = ReliabilityScale.fromSystemProperties();
    private static final ApiKeys.NewKey ADMIN = ApiKeys.generate("erasure-load", ApiRole.ADMIN);
    private static final int PARTITIONS = 2;
    private static final int ERASED = 100;
    private static final double ERASE_AFTER = 0.4;
    private static final Duration ZERO_HITS_DEADLINE = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final int MAX_RETRIES = 10;

    @TempDir Path savepoints;

    @Test
    void hundredShoppersErasedUnderLoadLeaveNoDocumentAndOnlyTheErasedMarkInState(
            ElasticsearchNode node, KafkaBroker kafka) throws Exception {
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(GeneratorConfig.of(SCALE.users(), SCALE.items(), SCALE.days(), 10))
                .forEachRemaining(events::add);
        ElasticsearchConnection connection = ElasticsearchConnection.of(node.httpUrl());
        Map<String, JsonNode> reference = referenceRun(kafka, connection, events);

        String topic = "erasure-load-input";
        String erasures = "erasure-load-erasures";
        kafka.createTopic(topic, PARTITIONS);
        kafka.createTopic(erasures, 1);
        OutputIndices.reset(connection);
        ProductionJob job = new ProductionJob(kafka, connection, topic, topic);
        double perSecond = (double) events.size() / SCALE.loadSeconds();
        JobClient running = job.startStreaming(PARTITIONS, erasures);
        try (ElasticsearchClient es = ElasticsearchClients.create(connection);
                PacedProducer producer =
                        new PacedProducer(
                                kafka.bootstrapServers(),
                                topic,
                                PARTITIONS,
                                PacedProducer.Record.of(events),
                                perSecond);
                RunningSearchApi api =
                        SearchApi.start(
                                SearchApiConfig.local(connection, ApiKeys.parse(ADMIN.configLine()))
                                        .withErasure(
                                                new ErasureConfig(
                                                        kafka.bootstrapServers(), erasures)))) {
            producer.start();
            await().atMost(TIMEOUT)
                    .until(() -> producer.acknowledged() >= ERASE_AFTER * producer.total());
            Set<String> victims =
                    victims(
                            connection,
                            events.subList((int) producer.acknowledged(), events.size()));
            long erasing = System.nanoTime();
            int retried = eraseThroughTheApi(api, victims);
            while (hitsOf(es, victims) > 0
                    && System.nanoTime() - erasing < 2 * ZERO_HITS_DEADLINE.toNanos()) {
                Thread.sleep(200);
            }
            Duration untilZeroHits = Duration.ofNanos(System.nanoTime() - erasing);
            assertThat(untilZeroHits)
                    .as("documents of erased users left: %s", remaining(es, victims))
                    .isLessThanOrEqualTo(ZERO_HITS_DEADLINE);
            long acknowledgedAtZeroHits = producer.acknowledged();

            producer.awaitAllSent(TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            Map<String, JsonNode> after = awaitFinal(kafka, job, producer.endOffsets(), connection);
            long hitsAfterTheRun = hitsOf(es, victims);
            DocumentDiff others =
                    DocumentDiff.of(
                            userDocuments(reference, victims), userDocuments(after, victims));

            String savepoint =
                    running.stopWithSavepoint(
                                    false,
                                    savepoints.toUri().toString(),
                                    SavepointFormatType.CANONICAL)
                            .get(TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            List<Tuple4<String, String, String, Integer>> state = readUserState(savepoint);
            List<Tuple4<String, String, String, Integer>> ofVictims =
                    state.stream().filter(row -> victims.contains(row.f1)).toList();
            List<String> leftovers =
                    ofVictims.stream()
                            .filter(row -> row.f3 > 0)
                            .filter(row -> !row.f2.equals(UserKeyedState.ERASED_MARK))
                            .map(row -> row.f0 + "/" + row.f2 + " of " + row.f1 + ": " + row.f3)
                            .toList();

            System.out.println(
                    "RELIABILITY erasure-100 events="
                            + events.size()
                            + " rate="
                            + Math.round(perSecond)
                            + "/s erased="
                            + victims.size()
                            + " retried503="
                            + retried
                            + " untilZeroHits="
                            + RunFigures.seconds(untilZeroHits)
                            + " sentWhileErasing="
                            + (acknowledgedAtZeroHits - (long) (ERASE_AFTER * events.size()))
                            + " hitsAfterRun="
                            + hitsAfterTheRun
                            + " others=["
                            + others
                            + "] stateRowsOfErased="
                            + ofVictims.size()
                            + " stateRowsRead="
                            + state.size()
                            + " leftovers="
                            + leftovers.size());

            assertThat(untilZeroHits).isLessThanOrEqualTo(ZERO_HITS_DEADLINE);
            assertThat(hitsAfterTheRun).as("nothing re-created the erased users").isZero();
            assertThat(others.identical()).as(others.toString()).isTrue();
            assertThat(leftovers).as("state of erased users beyond the erased mark").isEmpty();
            for (UserKeyedState.Operator operator : UserKeyedState.OPERATORS) {
                Set<String> marked =
                        ofVictims.stream()
                                .filter(row -> row.f0.equals(operator.uid()))
                                .filter(row -> row.f2.equals(UserKeyedState.ERASED_MARK))
                                .filter(row -> row.f3 == 1)
                                .map(row -> row.f1)
                                .collect(Collectors.toSet());
                assertThat(marked)
                        .as("erased marks in " + operator.uid())
                        .isEqualTo(operator.keepsErasedMark() ? victims : Set.of());
            }
            assertThat(operatorsHoldingOthersState(state, victims))
                    .as("the reader does find the state of users who were not erased")
                    .containsAll(
                            UserKeyedState.OPERATORS.stream()
                                    .filter(o -> o.states().size() > (o.keepsErasedMark() ? 1 : 0))
                                    .map(UserKeyedState.Operator::uid)
                                    .toList());
        } finally {
            if (!running.getJobStatus().get().isGloballyTerminalState()) {
                running.cancel().get();
            }
        }
    }

    /** The same input without erasures, read until the job is idle, at the same parallelism. */
    private static Map<String, JsonNode> referenceRun(
            KafkaBroker kafka, ElasticsearchConnection connection, List<ClickEvent> events)
            throws Exception {
        String topic = "erasure-load-reference";
        kafka.createTopic(topic, PARTITIONS);
        kafka.createTopic(topic + "-erasures", 1);
        OutputIndices.reset(connection);
        PacedProducer producer =
                new PacedProducer(
                        kafka.bootstrapServers(),
                        topic,
                        PARTITIONS,
                        PacedProducer.Record.of(events),
                        0);
        ProductionJob job = new ProductionJob(kafka, connection, topic, topic);
        JobClient running = job.startStreaming(PARTITIONS, topic + "-erasures");
        try (producer) {
            producer.start();
            producer.awaitAllSent(TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            return awaitFinal(kafka, job, producer.endOffsets(), connection);
        } finally {
            running.cancel().get();
        }
    }

    /**
     * The 100 shoppers to erase: with a profile already, and those who still have events to come
     * first (their later events must then be dropped).
     */
    private static Set<String> victims(
            ElasticsearchConnection connection, List<ClickEvent> toCome) {
        Set<String> active = toCome.stream().map(ClickEvent::userId).collect(Collectors.toSet());
        List<String> profiles = new ArrayList<>();
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> {
                            profiles.clear();
                            OutputIndices.snapshot(connection)
                                    .forEach(
                                            (id, document) -> {
                                                if (id.startsWith("users-")) {
                                                    profiles.add(document.path("user_id").asText());
                                                }
                                            });
                            return profiles.size() >= ERASED;
                        });
        profiles.sort(
                Comparator.comparing((String user) -> !active.contains(user))
                        .thenComparing(user -> user));
        return new TreeSet<>(profiles.subList(0, ERASED));
    }

    /**
     * DELETE /api/v1/users/{id} for each, four at a time, as an operator's script would: a 503
     * (Elasticsearch too slow under the load) is retried, as the API asks. Returns the retries.
     */
    private static int eraseThroughTheApi(RunningSearchApi api, Set<String> users)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService requests = Executors.newFixedThreadPool(4);
        AtomicInteger retries = new AtomicInteger();
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (String user : users) {
                HttpRequest delete =
                        HttpRequest.newBuilder(URI.create(api.url() + "/api/v1/users/" + user))
                                .header("Authorization", "Bearer " + ADMIN.token())
                                .DELETE()
                                .timeout(Duration.ofSeconds(30))
                                .build();
                responses.add(
                        requests.submit(
                                () -> {
                                    HttpResponse<String> answer =
                                            http.send(delete, HttpResponse.BodyHandlers.ofString());
                                    for (int retry = 0;
                                            answer.statusCode() == 503 && retry < MAX_RETRIES;
                                            retry++) {
                                        retries.incrementAndGet();
                                        Thread.sleep(500);
                                        answer =
                                                http.send(
                                                        delete,
                                                        HttpResponse.BodyHandlers.ofString());
                                    }
                                    return answer;
                                }));
            }
            for (Future<HttpResponse<String>> response : responses) {
                HttpResponse<String> answer = response.get();
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            }
            return retries.get();
        } finally {
            requests.shutdown();
        }
    }

    /** Once the job committed {@code end} and Elasticsearch no longer changes: its documents. */
    private static Map<String, JsonNode> awaitFinal(
            KafkaBroker kafka,
            ProductionJob job,
            Map<TopicPartition, Long> end,
            ElasticsearchConnection connection) {
        try (ConsumerLag lag = new ConsumerLag(kafka.bootstrapServers(), job.groupId(), end)) {
            await().atMost(TIMEOUT).until(() -> lag.caughtUpWith(end));
        }
        List<Map<String, JsonNode>> last = new ArrayList<>(List.of(Map.of()));
        await().atMost(TIMEOUT)
                .pollInterval(Duration.ofSeconds(3))
                .until(
                        () -> {
                            Map<String, JsonNode> now = OutputIndices.snapshot(connection);
                            boolean stable = !now.isEmpty() && now.equals(last.get(0));
                            last.set(0, now);
                            return stable;
                        });
        return last.get(0);
    }

    /** Users and sessions documents of everyone but {@code erased}. */
    private static Map<String, JsonNode> userDocuments(
            Map<String, JsonNode> documents, Set<String> erased) {
        Map<String, JsonNode> ofOthers = new TreeMap<>();
        documents.forEach(
                (id, document) -> {
                    if ((id.startsWith("users-") || id.startsWith("sessions-"))
                            && !erased.contains(document.path("user_id").asText())) {
                        ofOthers.put(id, document);
                    }
                });
        return ofOthers;
    }

    /** Documents of these users in any index. */
    private static Query ofUsers(Set<String> users) {
        List<FieldValue> ids = users.stream().map(FieldValue::of).toList();
        return Query.of(q -> q.terms(t -> t.field("user_id").terms(v -> v.value(ids))));
    }

    private static long hitsOf(ElasticsearchClient es, Set<String> users) throws IOException {
        es.indices().refresh(r -> r.index("*").allowNoIndices(true));
        return es.count(c -> c.index("*").allowNoIndices(true).query(ofUsers(users))).count();
    }

    /** Up to 20 documents of these users, as index/id. */
    private static List<String> remaining(ElasticsearchClient es, Set<String> users)
            throws IOException {
        return es
                .search(
                        s -> s.index("*").allowNoIndices(true).size(20).query(ofUsers(users)),
                        Void.class)
                .hits()
                .hits()
                .stream()
                .map(hit -> hit.index() + "/" + hit.id())
                .toList();
    }

    private static List<Tuple4<String, String, String, Integer>> readUserState(String savepoint)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARTITIONS);
        SavepointReader reader = SavepointReader.read(env, savepoint, new HashMapStateBackend());
        List<Tuple4<String, String, String, Integer>> rows = new ArrayList<>();
        try (CloseableIterator<Tuple4<String, String, String, Integer>> read =
                UserKeyedState.read(reader).executeAndCollect("read user state")) {
            read.forEachRemaining(rows::add);
        }
        return rows;
    }

    /** Operators where some user who was not erased has state beyond the erased mark. */
    private static Set<String> operatorsHoldingOthersState(
            List<Tuple4<String, String, String, Integer>> state, Set<String> erased) {
        return state.stream()
                .filter(row -> !erased.contains(row.f1) && row.f3 > 0)
                .filter(row -> !row.f2.equals(UserKeyedState.ERASED_MARK))
                .filter(row -> !row.f2.equals(UserStateReader.TIMERS))
                .map(row -> row.f0)
                .collect(Collectors.toSet());
    }
}
