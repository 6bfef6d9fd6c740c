package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code DELETE /api/v1/users/{id}} on a real Elasticsearch and Kafka: documents of the user go
 * from users, sessions and dead letters (others stay), the erasure is on the topic, bad ids are
 * 400s, and without a usable Kafka nothing is deleted and the answer is 503.
 */
@ExtendWith(LocalStackExtension.class)
class ErasureITCase {

    private static final String TOPIC = "erasures-api-it";
    private static final String SESSIONS = "sessions-2031.01";
    private static final String DEAD_LETTERS = "dead-letters-2031.01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ElasticsearchConnection connection;
    private static ElasticsearchClient es;
    private static KafkaBroker kafka;
    private static RunningSearchApi api;
    private static ApiTestClient client;

    @BeforeAll
    static void start(ElasticsearchNode node, KafkaBroker broker) throws IOException {
        connection = ElasticsearchConnection.of(node.httpUrl());
        es = ElasticsearchClients.create(connection);
        kafka = broker;
        kafka.createTopic(TOPIC, 1);
        IndexSetup.apply(connection);
        api =
                SearchApi.start(
                        SearchApiConfig.local(connection, TestKeys.KEYS)
                                .withErasure(new ErasureConfig(kafka.bootstrapServers(), TOPIC)));
        client = new ApiTestClient(api.url());
    }

    @AfterAll
    static void stop() throws IOException {
        api.close();
        es.close();
    }

    /** Two users, each with a profile, two sessions and one dead letter. */
    @BeforeEach
    void indexUsers() throws IOException {
        List<BulkOperation> operations = new ArrayList<>();
        for (String user : List.of("er-anna", "er-ben")) {
            operations.add(index("users", user, Map.of("user_id", user)));
            for (int day = 1; day <= 2; day++) {
                String start = "2031-01-0" + day + "T10:00:00Z";
                operations.add(
                        index(
                                SESSIONS,
                                user + "@" + day,
                                Map.of(
                                        "session_id",
                                        user + "@" + day,
                                        "user_id",
                                        user,
                                        "start",
                                        start)));
            }
            operations.add(
                    index(
                            DEAD_LETTERS,
                            "dl-" + user,
                            Map.of(
                                    "reason",
                                    "LATE_EVENT",
                                    "user_id",
                                    user,
                                    "source",
                                    "dl-" + user)));
        }
        assertThat(es.bulk(b -> b.operations(operations).refresh(Refresh.True)).errors()).isFalse();
    }

    @Test
    void eraseDeletesTheUsersDocumentsAndPublishesTheErasure() throws IOException {
        Instant before = Instant.now();

        ApiTestClient.Response response = client.delete("/api/v1/users/er-anna");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("user_id").asText()).isEqualTo("er-anna");
        JsonNode deleted = response.json().path("deleted");
        assertThat(deleted.path("users").asLong()).isEqualTo(1);
        assertThat(deleted.path("sessions").asLong()).isEqualTo(2);
        assertThat(deleted.path("dead_letters").asLong()).isEqualTo(1);
        assertThat(countsOf("er-anna")).containsOnly(0L);
        assertThat(countsOf("er-ben")).containsExactly(1L, 2L, 1L);

        ConsumerRecord<String, String> published = lastErasure("er-anna");
        JsonNode value = JSON.readTree(published.value());
        assertThat(value.path("user_id").asText()).isEqualTo("er-anna");
        assertThat(Instant.parse(value.path("requested_at").asText()))
                .isBetween(before, Instant.now());
    }

    @Test
    void anErasedShopperGetsPopularItemsAfterwards() throws IOException {
        Fixtures.index(
                connection,
                List.of(Fixtures.item("er-item", "er", "er", 1, Fixtures.vector(50, 51, 0.1))),
                List.of(Fixtures.user("er-cara", Fixtures.vector(50, 51, 0.2))));
        String recommendations = "/api/v1/users/er-cara/recommendations";
        assertThat(client.get(recommendations).json().path("source").asText())
                .isEqualTo("personal");

        assertThat(client.delete("/api/v1/users/er-cara").status()).isEqualTo(200);

        ApiTestClient.Response after = client.get(recommendations);
        assertThat(after.json().path("source").asText()).isEqualTo("popular");
    }

    @Test
    void unknownUserIsErasedWithZeroCountsAndStillPublished() throws IOException {
        ApiTestClient.Response response = client.delete("/api/v1/users/er-nobody");

        assertThat(response.status()).isEqualTo(200);
        JsonNode deleted = response.json().path("deleted");
        assertThat(deleted.path("users").asLong()).isZero();
        assertThat(deleted.path("sessions").asLong()).isZero();
        assertThat(deleted.path("dead_letters").asLong()).isZero();
        assertThat(lastErasure("er-nobody")).isNotNull();
    }

    @Test
    void invalidIdsAndParametersAre400() throws IOException {
        ApiTestClient.Response blank = client.delete("/api/v1/users/%20");
        ApiTestClient.Response tooLong = client.delete("/api/v1/users/" + "x".repeat(513));
        ApiTestClient.Response unknownParameter = client.delete("/api/v1/users/er-anna?force=1");

        assertThat(List.of(blank.status(), tooLong.status(), unknownParameter.status()))
                .containsOnly(400);
        assertThat(blank.errorCode()).isEqualTo("invalid_parameter");
        assertThat(blank.errorMessage()).contains("user id");
        assertThat(unknownParameter.errorMessage()).contains("force");
        assertThat(countsOf("er-anna")).containsExactly(1L, 2L, 1L);
    }

    @Test
    void withoutKafkaEraseIs503AndDeletesNothing() throws IOException {
        try (RunningSearchApi withoutKafka =
                SearchApi.start(SearchApiConfig.local(connection, TestKeys.KEYS))) {
            ApiTestClient.Response response =
                    new ApiTestClient(withoutKafka.url(), false).delete("/api/v1/users/er-anna");

            assertThat(response.status()).isEqualTo(503);
            assertThat(response.errorCode()).isEqualTo("erasure_not_configured");
            assertThat(response.errorMessage()).contains("--kafka-bootstrap");
        }
        assertThat(countsOf("er-anna")).containsExactly(1L, 2L, 1L);
    }

    @Test
    void unreachableKafkaIs503InBoundedTimeAndDeletesNothing() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RunningSearchApi kafkaDown =
                SearchApi.start(
                        SearchApiConfig.local(connection, TestKeys.KEYS)
                                .withErasure(ErasureConfig.kafka("127.0.0.1:" + closedPort)))) {
            long start = System.nanoTime();

            ApiTestClient.Response response =
                    new ApiTestClient(kafkaDown.url(), false).delete("/api/v1/users/er-anna");

            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(15));
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.errorCode()).isEqualTo("kafka_unavailable");
        }
        assertThat(countsOf("er-anna")).containsExactly(1L, 2L, 1L);
    }

    private static BulkOperation index(String index, String id, Map<String, Object> document) {
        return BulkOperation.of(o -> o.index(i -> i.index(index).id(id).document(document)));
    }

    /** Documents of the user in users, sessions and dead letters, in that order. */
    private static List<Long> countsOf(String user) throws IOException {
        List<Long> counts = new ArrayList<>();
        for (String index : List.of("users", "sessions", "dead-letters")) {
            counts.add(es.count(c -> c.index(index).query(Queries.term("user_id", user))).count());
        }
        return counts;
    }

    /** The latest record on the erasures topic with this key, or null. */
    private static ConsumerRecord<String, String> lastErasure(String user) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "erasure-it-" + System.nanoTime());
        Map<String, ConsumerRecord<String, String>> latest = new HashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(
                        properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!latest.containsKey(user) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> latest.put(r.key(), r));
            }
        }
        return latest.get(user);
    }
}
