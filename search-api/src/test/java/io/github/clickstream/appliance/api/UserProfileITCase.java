package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code up-full} has every kind of profile field, {@code up-bare} only a churn score. */
@ExtendWith(LocalStackExtension.class)
class UserProfileITCase {

    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();

    private static ApiTestClient client;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        ElasticsearchConnection connection = ElasticsearchConnection.of(es.httpUrl());
        Map<String, Object> full = Fixtures.user("up-full", Fixtures.vector(50, 51, 0.5));
        full.put("first_seen", "2026-10-01T08:00:00Z");
        full.put("last_seen", "2026-11-20T10:15:00Z");
        full.put("sessions_30d", 7);
        full.put("orders_30d", 2);
        full.put("revenue_30d", 149.9);
        full.put("cart_abandonment_rate", 0.25);
        full.put("favourite_category", "electronics");
        full.put("recent_items", List.of("up-i1", "up-i2"));
        full.put("purchase_propensity", 0.42);
        full.put("churn_risk", 0.13);
        full.put("segment_id", 3);
        full.put("segment_name", "loyal");
        full.put(
                "reasons",
                List.of(
                        Map.of(
                                "model", "purchase_propensity",
                                "feature", "sessions_7d",
                                "contribution", 0.8),
                        Map.of(
                                "model", "churn_risk",
                                "feature", "days_since_last_visit",
                                "contribution", -0.12)));
        full.put("model_versions", List.of("purchase_propensity@2026.11.01", "churn_risk@2"));
        full.put("updated_at", "2026-11-20T10:16:00Z");
        Map<String, Object> bare = Fixtures.user("up-bare", null);
        bare.put("churn_risk", 0.5);
        Fixtures.index(connection, List.of(), List.of(full, bare));
        client = API.start(connection);
    }

    @Test
    void profileHasFeaturesScoresSegmentReasonsAndVersionsButNoVector() {
        ApiTestClient.Response response = client.get("/api/v1/users/up-full");

        assertThat(response.status()).isEqualTo(200);
        JsonNode profile = response.json();
        assertThat(profile.path("user_id").asText()).isEqualTo("up-full");
        assertThat(profile.path("first_seen").asText()).isEqualTo("2026-10-01T08:00:00Z");
        assertThat(profile.path("sessions_30d").asInt()).isEqualTo(7);
        assertThat(profile.path("orders_30d").asInt()).isEqualTo(2);
        assertThat(profile.path("revenue_30d").asDouble()).isEqualTo(149.9);
        assertThat(profile.path("cart_abandonment_rate").asDouble()).isEqualTo(0.25);
        assertThat(profile.path("favourite_category").asText()).isEqualTo("electronics");
        assertThat(profile.path("recent_items").toString()).isEqualTo("[\"up-i1\",\"up-i2\"]");
        assertThat(profile.path("purchase_propensity").asDouble()).isEqualTo(0.42);
        assertThat(profile.path("churn_risk").asDouble()).isEqualTo(0.13);
        assertThat(profile.path("segment_id").asInt()).isEqualTo(3);
        assertThat(profile.path("segment_name").asText()).isEqualTo("loyal");
        assertThat(profile.path("reasons").toString())
                .isEqualTo(
                        "[{\"model\":\"purchase_propensity\",\"feature\":\"sessions_7d\","
                                + "\"contribution\":0.8},{\"model\":\"churn_risk\","
                                + "\"feature\":\"days_since_last_visit\",\"contribution\":-0.12}]");
        assertThat(profile.path("model_versions").toString())
                .isEqualTo("[\"purchase_propensity@2026.11.01\",\"churn_risk@2\"]");
        assertThat(profile.path("updated_at").asText()).isEqualTo("2026-11-20T10:16:00Z");
        assertThat(profile.has("user_vector")).isFalse();
    }

    @Test
    void includeVectorAddsTheTasteVector() {
        JsonNode vector =
                client.get("/api/v1/users/up-full?include=vector").json().path("user_vector");

        assertThat(vector.size()).isEqualTo(Fixtures.DIMS);
        assertThat(vector.get(50).asDouble()).isEqualTo(1.0);
        assertThat(vector.get(51).asDouble()).isEqualTo(0.5);
        assertThat(vector.get(0).asDouble()).isEqualTo(0.0);
    }

    @Test
    void fieldsNotComputedYetAreNull() {
        JsonNode profile = client.get("/api/v1/users/up-bare").json();

        assertThat(profile.path("churn_risk").asDouble()).isEqualTo(0.5);
        assertThat(profile.path("segment_name").isNull()).isTrue();
        assertThat(profile.path("reasons").isNull()).isTrue();
        assertThat(profile.path("updated_at").isNull()).isTrue();
        assertThat(profile.has("user_vector")).isFalse();
    }

    @Test
    void unknownUserIs404WithTheErrorShape() {
        ApiTestClient.Response response = client.get("/api/v1/users/up-nobody");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
        assertThat(response.json().path("error").path("status").asInt()).isEqualTo(404);
        assertThat(response.errorMessage()).contains("up-nobody");
    }

    @Test
    void badParametersAre400() {
        for (String path :
                List.of(
                        "/api/v1/users/up-full?include=everything",
                        "/api/v1/users/up-full?include=",
                        "/api/v1/users/up-full?include=vector&include=vector",
                        "/api/v1/users/up-full?fields=user_id",
                        "/api/v1/users/" + "x".repeat(600))) {
            ApiTestClient.Response response = client.get(path);

            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.errorCode()).as(path).isEqualTo("invalid_parameter");
        }
    }
}
