package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Segment statistics of the {@link AudienceFixtures} segments, recomputed here from the fixture
 * documents; the all-user figures are checked against Elasticsearch counts, because other test
 * classes share the index.
 */
@ExtendWith(LocalStackExtension.class)
class SegmentsITCase {

    private static String elasticsearch;
    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();

    private static ApiTestClient client;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        elasticsearch = es.httpUrl();
        ElasticsearchConnection connection = ElasticsearchConnection.of(elasticsearch);
        Fixtures.index(connection, List.of(), AudienceFixtures.users());
        client = API.start(connection);
    }

    @Test
    void eachSegmentMatchesItsFixtureDocuments() {
        ApiTestClient.Response response = client.get("/api/v1/segments");

        assertThat(response.status()).isEqualTo(200);
        for (String segment : List.of(AudienceFixtures.AT_RISK, AudienceFixtures.LOYAL)) {
            List<Map<String, Object>> members =
                    AudienceFixtures.users().stream()
                            .filter(u -> segment.equals(u.get("segment_name")))
                            .toList();
            JsonNode stats = segment(response.json(), segment);

            assertThat(stats.path("users").asLong()).as(segment).isEqualTo(members.size());
            assertMean(
                    stats.path("mean_purchase_propensity"), mean(members, "purchase_propensity"));
            assertMean(stats.path("mean_churn_risk"), mean(members, "churn_risk"));
            assertThat(stats.path("revenue_30d").asDouble())
                    .isCloseTo(values(members, "revenue_30d").sum(), within(1e-9));
            JsonNode bands = stats.path("churn_risk_bands");
            assertThat(bands.path("low").asLong()).isEqualTo(count(members, r -> r < 0.3));
            assertThat(bands.path("medium").asLong())
                    .isEqualTo(count(members, r -> r >= 0.3 && r < 0.7));
            assertThat(bands.path("high").asLong()).isEqualTo(count(members, r -> r >= 0.7));
            assertThat(bands.path("unscored").asLong())
                    .isEqualTo(members.stream().filter(u -> !u.containsKey("churn_risk")).count());
        }
    }

    @Test
    void handCheckedFiguresOfTheLoyalSegment() {
        // au-07 0.90, au-08 0.10, au-11 0.30, au-12 none, au-13 0.2999
        JsonNode loyal = segment(client.get("/api/v1/segments").json(), AudienceFixtures.LOYAL);

        assertThat(loyal.path("users").asLong()).isEqualTo(5);
        assertThat(loyal.path("mean_churn_risk").asDouble())
                .isCloseTo((0.90 + 0.10 + 0.30 + 0.2999) / 4, within(1e-9));
        assertThat(loyal.path("mean_purchase_propensity").asDouble())
                .isCloseTo((0.80 + 0.90 + 0.60 + 0.70) / 4, within(1e-9));
        assertThat(loyal.path("revenue_30d").asDouble())
                .isCloseTo(250.0 + 1200.5 + 30.0 + 80.0 + 10.0, within(1e-9));
        assertThat(loyal.path("churn_risk_bands").toString())
                .isEqualTo("{\"low\":2,\"medium\":1,\"high\":1,\"unscored\":1}");
    }

    @Test
    void allUserFiguresAgreeWithElasticsearchCounts() throws Exception {
        JsonNode all = client.get("/api/v1/segments").json();

        assertThat(all.path("users").asLong()).isEqualTo(count("{\"match_all\": {}}"));
        assertThat(all.path("unsegmented_users").asLong())
                .isEqualTo(
                        count(
                                "{\"bool\": {\"must_not\": {\"exists\": {\"field\": \"segment_name\"}}}}"));
        JsonNode bands = all.path("churn_risk_bands");
        assertThat(bands.path("low").asLong())
                .isEqualTo(count("{\"range\": {\"churn_risk\": {\"lt\": 0.3}}}"));
        assertThat(bands.path("medium").asLong())
                .isEqualTo(count("{\"range\": {\"churn_risk\": {\"gte\": 0.3, \"lt\": 0.7}}}"));
        assertThat(bands.path("high").asLong())
                .isEqualTo(count("{\"range\": {\"churn_risk\": {\"gte\": 0.7}}}"));
        assertThat(bands.path("unscored").asLong())
                .isEqualTo(
                        count(
                                "{\"bool\": {\"must_not\": {\"exists\": {\"field\": \"churn_risk\"}}}}"));
        long segmented = 0;
        for (JsonNode segment : all.path("segments")) {
            segmented += segment.path("users").asLong();
        }
        assertThat(segmented + all.path("unsegmented_users").asLong())
                .isEqualTo(all.path("users").asLong());
    }

    @Test
    void largestSegmentComesFirst() {
        JsonNode segments = client.get("/api/v1/segments").json().path("segments");

        for (int i = 1; i < segments.size(); i++) {
            assertThat(segments.get(i).path("users").asLong())
                    .isLessThanOrEqualTo(segments.get(i - 1).path("users").asLong());
        }
    }

    @Test
    void queryParametersAre400() {
        ApiTestClient.Response response = client.get("/api/v1/segments?size=5");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("invalid_parameter");
    }

    private static JsonNode segment(JsonNode response, String name) {
        for (JsonNode segment : response.path("segments")) {
            if (segment.path("segment_name").asText().equals(name)) {
                return segment;
            }
        }
        throw new AssertionError("No segment " + name + " in " + response);
    }

    private static void assertMean(JsonNode actual, OptionalDouble expected) {
        if (expected.isEmpty()) {
            assertThat(actual.isNull()).isTrue();
        } else {
            assertThat(actual.asDouble()).isCloseTo(expected.getAsDouble(), within(1e-9));
        }
    }

    private static OptionalDouble mean(List<Map<String, Object>> users, String field) {
        return values(users, field).average();
    }

    private static java.util.stream.DoubleStream values(
            List<Map<String, Object>> users, String field) {
        return users.stream()
                .map(u -> u.get(field))
                .filter(Objects::nonNull)
                .mapToDouble(v -> ((Number) v).doubleValue());
    }

    private static long count(
            List<Map<String, Object>> users, java.util.function.DoublePredicate band) {
        return values(users, "churn_risk").filter(band).count();
    }

    /** Users matching a query, counted by Elasticsearch itself. */
    private static long count(String query) throws Exception {
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(URI.create(elasticsearch + "/users/_count"))
                                        .header("Content-Type", "application/json")
                                        .POST(
                                                HttpRequest.BodyPublishers.ofString(
                                                        "{\"query\": " + query + "}"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        return ApiJson.MAPPER.readTree(response.body()).path("count").asLong();
    }
}
