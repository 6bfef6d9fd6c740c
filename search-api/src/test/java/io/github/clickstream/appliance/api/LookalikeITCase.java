package io.github.clickstream.appliance.api;

import static io.github.clickstream.appliance.api.Fixtures.user;
import static io.github.clickstream.appliance.api.Fixtures.vector;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Users {@code la-a1..la-a6} have tastes along axis 30, {@code la-b1..la-b5} along axis 40. The
 * seeds are a1 and a2, also the only members of segment {@code la-at-risk} and the only users with
 * churn_risk 0.7 or more among the la- users; so the lookalikes are a3..a6 first.
 */
@ExtendWith(LocalStackExtension.class)
class LookalikeITCase {

    private static final List<String> OTHER_CLUSTER_A_USERS =
            List.of("la-a3", "la-a4", "la-a5", "la-a6");

    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();

    private static ApiTestClient client;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        ElasticsearchConnection connection = ElasticsearchConnection.of(es.httpUrl());
        Fixtures.index(connection, List.of(), users());
        client = API.start(connection);
    }

    private static List<Map<String, Object>> users() {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            Map<String, Object> user = user("la-a" + i, vector(30, 31, 0.05 * i));
            user.put("segment_name", i <= 2 ? "la-at-risk" : "la-loyal");
            user.put("churn_risk", i == 1 ? 0.9 : i == 2 ? 0.8 : 0.1);
            users.add(user);
        }
        for (int i = 1; i <= 5; i++) {
            Map<String, Object> user = user("la-b" + i, vector(40, 41, 0.05 * i));
            user.put("segment_name", "la-loyal");
            user.put("churn_risk", 0.9);
            users.add(user);
        }
        users.add(user("la-novector", null));
        return users;
    }

    @Test
    void seedUsersFromClusterAFindTheOtherClusterAUsersFirst() {
        ApiTestClient.Response response =
                client.post(
                        "/api/v1/audiences/lookalike",
                        "{\"seed_users\": [\"la-a1\", \"la-a2\"], \"size\": 6}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("seed_count").asInt()).isEqualTo(2);
        assertThat(response.userIds()).hasSize(6).doesNotContain("la-a1", "la-a2");
        assertThat(response.userIds().subList(0, 4))
                .containsExactlyInAnyOrderElementsOf(OTHER_CLUSTER_A_USERS);
        assertThat(response.json().path("users").get(0).path("segment_name").asText())
                .isEqualTo("la-loyal");
    }

    @Test
    void segmentSeedsTheAudience() {
        ApiTestClient.Response response =
                client.post(
                        "/api/v1/audiences/lookalike",
                        "{\"segment\": \"la-at-risk\", \"size\": 4}");

        assertThat(response.json().path("seed_count").asInt()).isEqualTo(2);
        assertThat(response.userIds()).containsExactlyInAnyOrderElementsOf(OTHER_CLUSTER_A_USERS);
    }

    @Test
    void querySeedsTheAudience() {
        ApiTestClient.Response response =
                client.post(
                        "/api/v1/audiences/lookalike",
                        "{\"query\": {\"churn_risk\": {\"gte\": 0.7},"
                                + " \"segment_name\": [\"la-at-risk\"]}, \"size\": 4}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("seed_count").asInt()).isEqualTo(2);
        assertThat(response.userIds()).containsExactlyInAnyOrderElementsOf(OTHER_CLUSTER_A_USERS);
    }

    @Test
    void seedsWithoutVectorsAreReportedAndTheRestAreUsed() {
        ApiTestClient.Response response =
                client.post(
                        "/api/v1/audiences/lookalike",
                        "{\"seed_users\": [\"la-a1\", \"la-novector\", \"la-unknown\"], \"size\": 4}");

        assertThat(response.json().path("seed_count").asInt()).isEqualTo(1);
        assertThat(response.json().path("seeds_without_vector").toString())
                .isEqualTo("[\"la-novector\",\"la-unknown\"]");
        assertThat(response.userIds())
                .hasSize(4)
                .allMatch(id -> List.of("la-a2", "la-a3", "la-a4", "la-a5", "la-a6").contains(id));
    }

    @Test
    void onlySeedsWithoutVectorsIs400ThatSaysSo() {
        ApiTestClient.Response response =
                client.post(
                        "/api/v1/audiences/lookalike",
                        "{\"seed_users\": [\"la-novector\", \"la-unknown\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("seeds_without_vectors");
        assertThat(response.errorMessage())
                .contains("user_vector")
                .contains("la-novector")
                .contains("la-unknown");
    }

    @Test
    void segmentWithoutUsersIs400() {
        ApiTestClient.Response response =
                client.post("/api/v1/audiences/lookalike", "{\"segment\": \"la-nobody\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage()).contains("la-nobody");
    }
}
