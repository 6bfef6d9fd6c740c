package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a 400 (unknown ids a 404) whose message names what to fix; never a 5xx. */
@ExtendWith(LocalStackExtension.class)
class InvalidInputITCase {

    private static final String LOOKALIKE = "/api/v1/audiences/lookalike";

    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();

    private static ApiTestClient client;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        ElasticsearchConnection connection = ElasticsearchConnection.of(es.httpUrl());
        Fixtures.index(
                connection,
                List.of(
                        Fixtures.item(
                                "ii-item", "ii-cat", "ii-brand", 1, Fixtures.vector(60, 61, 0.1))),
                List.of());
        client = API.start(connection);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "abc", "101", "-1", "1.5", ""})
    void sizeOutside1To100Is400(String size) {
        for (String path :
                List.of(
                        "/api/v1/items/ii-item/similar?size=",
                        "/api/v1/users/ii-user/recommendations?size=")) {
            ApiTestClient.Response response = client.get(path + size);

            assertThat(response.status()).as(path + size).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("invalid_parameter");
            assertThat(response.errorMessage()).contains("size").contains("100");
            assertThat(response.json().path("error").path("status").asInt()).isEqualTo(400);
        }
    }

    @Test
    void minPriceAboveMaxPriceIs400() {
        ApiTestClient.Response response =
                client.get("/api/v1/users/ii-user/recommendations?min_price=50&max_price=10");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage()).contains("min_price").contains("max_price");
    }

    @Test
    void priceThatIsNoNumberIs400() {
        ApiTestClient.Response response =
                client.get("/api/v1/users/ii-user/recommendations?max_price=cheap");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage()).contains("max_price");
    }

    @Test
    void unknownQueryParameterIs400() {
        ApiTestClient.Response response =
                client.get("/api/v1/users/ii-user/recommendations?colour=red");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage()).contains("colour").contains("min_price");
    }

    @Test
    void unknownItemIs404() {
        ApiTestClient.Response response = client.get("/api/v1/items/ii-missing/similar");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    @Test
    void unknownEndpointIs404WithTheErrorShape() {
        ApiTestClient.Response response = client.get("/api/v1/nothing-here");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
    }

    @Test
    void malformedJsonIs400() {
        ApiTestClient.Response response = client.post(LOOKALIKE, "{\"seed_users\": [\"u1\"");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("malformed_json");
        assertThat(response.errorMessage()).contains("not valid JSON");
    }

    @Test
    void emptyBodyIs400() {
        ApiTestClient.Response response = client.post(LOOKALIKE, "");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage()).contains("empty");
    }

    @Test
    void unknownBodyFieldIs400() {
        ApiTestClient.Response response = client.post(LOOKALIKE, "{\"seed_user\": [\"u1\"]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("unknown_field");
        assertThat(response.errorMessage()).contains("seed_user").contains("seed_users");
    }

    @Test
    void unknownFilterFieldInQueryIs400() {
        ApiTestClient.Response response =
                client.post(LOOKALIKE, "{\"query\": {\"shoe_size\": {\"gte\": 40}}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("unknown_field");
        assertThat(response.errorMessage()).contains("shoe_size").contains("churn_risk");
    }

    @Test
    void vectorAndNestedFieldsAreNotFilterable() {
        for (String field : List.of("user_vector", "reasons")) {
            ApiTestClient.Response response =
                    client.post(LOOKALIKE, "{\"query\": {\"" + field + "\": [\"x\"]}}");

            assertThat(response.status()).as(field).isEqualTo(400);
            assertThat(response.errorCode()).isEqualTo("unknown_field");
        }
    }

    @Test
    void malformedQueryConditionsAre400() {
        for (String body :
                List.of(
                        "{\"query\": {\"churn_risk\": 0.7}}",
                        "{\"query\": {\"churn_risk\": {\"gt\": 0.7}}}",
                        "{\"query\": {\"churn_risk\": {\"gte\": \"high\"}}}",
                        "{\"query\": {\"churn_risk\": {\"gte\": 0.9, \"lte\": 0.1}}}",
                        "{\"query\": {\"segment_name\": 3}}",
                        "{\"query\": {\"last_seen\": {\"gte\": \"yesterday\"}}}",
                        "{\"query\": {}}")) {
            ApiTestClient.Response response = client.post(LOOKALIKE, body);

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.errorMessage()).as(body).isNotBlank();
        }
    }

    @Test
    void lookalikeSizeAndSelectorsAreChecked() {
        for (String body :
                List.of(
                        "{\"seed_users\": [\"u1\"], \"size\": 1001}",
                        "{\"seed_users\": [\"u1\"], \"size\": 0}",
                        "{\"seed_users\": [\"u1\"], \"size\": \"abc\"}",
                        "{\"seed_users\": []}",
                        "{\"seed_users\": \"u1\"}",
                        "{\"seed_users\": [\"u1\"], \"segment\": \"at-risk\"}",
                        "{\"size\": 10}",
                        "[1, 2]",
                        "{\"segment\": \"at-risk\"} trailing")) {
            ApiTestClient.Response response = client.post(LOOKALIKE, body);

            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().path("error").path("code").asText()).as(body).isNotBlank();
        }
    }

    @Test
    void tooLongIdIs400() {
        ApiTestClient.Response response =
                client.get("/api/v1/items/" + "x".repeat(600) + "/similar");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage()).contains("512");
    }
}
