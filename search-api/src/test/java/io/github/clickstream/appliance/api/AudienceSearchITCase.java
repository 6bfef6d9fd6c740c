package io.github.clickstream.appliance.api;

import static io.github.clickstream.appliance.api.AudienceFixtures.EXAMPLE_FILTER;
import static io.github.clickstream.appliance.api.AudienceFixtures.EXAMPLE_MATCHES;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The audience search on the hand-made users of {@link AudienceFixtures}. */
@ExtendWith(LocalStackExtension.class)
class AudienceSearchITCase {

    private static final String SEARCH = "/api/v1/audiences/search";
    private static final String BOTH_SEGMENTS = "{\"segment\": [\"au-at-risk\", \"au-loyal\"]}";
    private static final List<String> BOTH_SEGMENTS_USERS =
            List.of(
                    "au-01", "au-02", "au-03", "au-04", "au-05", "au-06", "au-07", "au-08", "au-09",
                    "au-11", "au-12", "au-13");

    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();

    private static ApiTestClient client;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        ElasticsearchConnection connection = ElasticsearchConnection.of(es.httpUrl());
        Fixtures.index(connection, List.of(), AudienceFixtures.users());
        client =
                API.start(
                        SearchApiConfig.local(connection, TestKeys.KEYS)
                                .withLimits(
                                        new ApiLimits(5, ApiLimits.DEFAULT_MAX_EXPORT_ROWS, 2)));
    }

    @Test
    void exampleFilterFindsExactlyTheHandPickedUsersInIdOrder() {
        ApiTestClient.Response response =
                client.post(SEARCH, "{\"filter\": " + EXAMPLE_FILTER + "}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("total").asLong()).isEqualTo(4);
        assertThat(response.userIds()).containsExactlyElementsOf(EXAMPLE_MATCHES);
        assertThat(response.json().path("next_search_after").isNull()).isTrue();
    }

    @Test
    void resultsCarryTheSelectedFieldsAndNothingElse() {
        ApiTestClient.Response response =
                client.post(SEARCH, "{\"filter\": {\"user_id\": [\"au-01\"]}}");

        JsonNode user = response.json().path("users").get(0);
        List<String> fields = new ArrayList<>();
        user.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyElementsOf(AudienceFixtures.DOCUMENTED_FIELDS);
        assertThat(user.path("segment_name").asText()).isEqualTo("au-at-risk");
        assertThat(user.path("churn_risk").asDouble()).isEqualTo(0.90);
        assertThat(user.path("purchase_propensity").asDouble()).isEqualTo(0.10);
        assertThat(user.path("days_since_last_purchase").asDouble()).isEqualTo(30.0);
        assertThat(user.path("favourite_category").asText()).isEqualTo("electronics");
        assertThat(user.path("last_seen").asText()).isEqualTo("2026-11-20T10:15:00Z");
        assertThat(response.json().path("users").get(0).path("user_vector").isMissingNode())
                .isTrue();
    }

    @Test
    void pagesCoverEveryMatchOnceWithoutDuplicates() {
        List<String> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String searchAfter = null;
        do {
            String body =
                    "{\"filter\": "
                            + BOTH_SEGMENTS
                            + ", \"size\": 5"
                            + (searchAfter == null ? "" : ", \"search_after\": " + searchAfter)
                            + "}";
            ApiTestClient.Response page = client.post(SEARCH, body);
            assertThat(page.json().path("total").asLong()).isEqualTo(12);
            seen.addAll(page.userIds());
            pageSizes.add(page.userIds().size());
            JsonNode next = page.json().path("next_search_after");
            searchAfter = next.isNull() ? null : next.toString();
        } while (searchAfter != null);

        assertThat(pageSizes).containsExactly(5, 5, 2);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyElementsOf(BOTH_SEGMENTS_USERS);
    }

    @Test
    void aFullLastPageIsFollowedByAnEmptyOne() {
        ApiTestClient.Response full =
                client.post(
                        SEARCH,
                        "{\"filter\": {\"segment_name\": [\"au-at-risk\"]}, \"size\": 4,"
                                + " \"search_after\": [\"au-03\"]}");
        assertThat(full.userIds()).containsExactly("au-04", "au-05", "au-06", "au-09");
        assertThat(full.json().path("next_search_after").toString()).isEqualTo("[\"au-09\"]");

        ApiTestClient.Response empty =
                client.post(
                        SEARCH,
                        "{\"filter\": {\"segment_name\": [\"au-at-risk\"]}, \"size\": 4,"
                                + " \"search_after\": [\"au-09\"]}");
        assertThat(empty.userIds()).isEmpty();
        assertThat(empty.json().path("total").asLong()).isEqualTo(7);
        assertThat(empty.json().path("next_search_after").isNull()).isTrue();
    }

    @Test
    void rangesOnNumbersAndDatesAndMissingFieldsNeverMatchARange() {
        ApiTestClient.Response lowRisk =
                client.post(
                        SEARCH,
                        "{\"filter\": {\"segment\": [\"au-loyal\"], \"churn_risk\": {\"lte\":"
                                + " 0.3}}}");
        // au-12 has no churn_risk, so no range matches it.
        assertThat(lowRisk.userIds()).containsExactly("au-08", "au-11", "au-13");

        ApiTestClient.Response seen =
                client.post(
                        SEARCH,
                        "{\"filter\": {\"last_seen\": {\"gte\": \"2026-11-20\", \"lte\":"
                                + " \"2026-11-20T10:15:00Z\"}, \"segment\": \"au-at-risk\"}}");
        assertThat(seen.userIds()).containsExactly("au-01");
    }

    @Test
    void queryStringSyntaxAndWildcardsInValuesMatchLiterally() {
        for (String value : List.of("au-*", "au-at-risk OR au-loyal", "*:*", "au-at-risk\\")) {
            ApiTestClient.Response response =
                    client.post(
                            SEARCH,
                            "{\"filter\": {\"segment\": ["
                                    + ApiJson.MAPPER.valueToTree(value)
                                    + "]}}");

            assertThat(response.status()).as(value).isEqualTo(200);
            assertThat(response.json().path("total").asLong()).as(value).isZero();
        }
    }

    @Test
    void emptyFilterSelectsEveryUser() {
        ApiTestClient.Response response = client.post(SEARCH, "{\"filter\": {}, \"size\": 1}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("total").asLong()).isGreaterThanOrEqualTo(13);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                // unknown fields, at the top and in the filter
                "{\"filter\": {}, \"query\": {}}",
                "{\"filter\": {\"shoe_size\": {\"gte\": 40}}}",
                "{\"filter\": {\"user_vector\": [\"x\"]}}",
                "{\"filter\": {\"reasons\": [\"x\"]}}",
                // query-string syntax and raw Elasticsearch DSL
                "{\"filter\": \"segment_name:at-risk AND churn_risk:>0.7\"}",
                "{\"filter\": {\"query_string\": {\"query\": \"*\"}}}",
                "{\"filter\": {\"bool\": {\"must\": []}}}",
                "{\"filter\": {\"churn_risk\": {\"gte\": \"0.7 OR 1=1\"}}}",
                // scripts
                "{\"filter\": {\"script\": {\"source\": \"doc['churn_risk'].value > 0\"}}}",
                "{\"filter\": {\"churn_risk\": {\"script\": \"return true\"}}}",
                "{\"filter\": {\"segment\": [{\"script\": \"x\"}]}}",
                "{\"filter\": {}, \"script_fields\": {\"x\": {\"script\": \"1\"}}}",
                // wrong types and shapes
                "{\"filter\": {\"churn_risk\": 0.7}}",
                "{\"filter\": {\"churn_risk\": {\"gt\": 0.7}}}",
                "{\"filter\": {\"churn_risk\": {\"gte\": 0.9, \"lte\": 0.1}}}",
                "{\"filter\": {\"segment\": 3}}",
                "{\"filter\": {\"segment\": []}}",
                "{\"filter\": {\"segment\": [\"\"]}}",
                "{\"filter\": {\"last_seen\": {\"gte\": \"yesterday\"}}}",
                "{\"filter\": [\"au-at-risk\"]}",
                "{\"filter\": {\"churn_risk\": {\"gte\": 0.1}, \"churn_risk\": {\"lte\": 0.2}}}",
                "{\"size\": 5}",
                "{\"filter\": null}",
                // sizes and paging
                "{\"filter\": {}, \"size\": 6}",
                "{\"filter\": {}, \"size\": 1000000000}",
                "{\"filter\": {}, \"size\": 99999999999999999999}",
                "{\"filter\": {}, \"size\": 0}",
                "{\"filter\": {}, \"size\": -1}",
                "{\"filter\": {}, \"size\": 2.5}",
                "{\"filter\": {}, \"search_after\": []}",
                "{\"filter\": {}, \"search_after\": [\"a\", \"b\"]}",
                "{\"filter\": {}, \"search_after\": [{\"script\": \"x\"}]}",
                "{\"filter\": {}, \"search_after\": [null]}",
                // not JSON
                "segment_name:at-risk",
                "{\"filter\": {}",
                ""
            })
    void badRequestsAre400WithTheErrorShape(String body) {
        ApiTestClient.Response response = client.post(SEARCH, body);

        assertThat(response.status()).as(body).isEqualTo(400);
        assertThat(response.json().path("error").path("status").asInt()).isEqualTo(400);
        assertThat(response.errorCode())
                .as(body)
                .isIn("invalid_parameter", "unknown_field", "malformed_json");
        assertThat(response.errorMessage()).as(body).isNotBlank().doesNotContain("Exception");
    }

    @Test
    void tooLargePageNamesTheConfiguredCap() {
        ApiTestClient.Response response = client.post(SEARCH, "{\"filter\": {}, \"size\": 6}");

        assertThat(response.errorMessage()).contains("size").contains("5");
    }

    @Test
    void unknownFilterFieldListsTheFilterableOnes() {
        ApiTestClient.Response response =
                client.post(SEARCH, "{\"filter\": {\"shoe_size\": [\"42\"]}}");

        assertThat(response.errorCode()).isEqualTo("unknown_field");
        assertThat(response.errorMessage())
                .contains("shoe_size")
                .contains("churn_risk")
                .contains("days_since_last_purchase")
                .doesNotContain("user_vector");
    }

    @Test
    void queryStringFilterSaysObjectsOnly() {
        ApiTestClient.Response response =
                client.post(SEARCH, "{\"filter\": \"segment_name:at-risk\"}");

        assertThat(response.errorMessage()).contains("filter must be a JSON object");
    }

    @Test
    void queryParametersAreRefused() {
        ApiTestClient.Response response = client.post(SEARCH + "?size=10", "{\"filter\": {}}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorMessage()).contains("size");
    }
}
