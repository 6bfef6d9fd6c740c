package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(LocalStackExtension.class)
class ServiceEndpointsITCase {

    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();

    private static ApiTestClient client;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        ElasticsearchConnection connection = ElasticsearchConnection.of(es.httpUrl());
        Fixtures.index(
                connection,
                List.of(
                        Fixtures.item(
                                "se-item", "se-cat", "se-brand", 1, Fixtures.vector(62, 63, 0.1))),
                List.of());
        client = API.start(connection);
    }

    @Test
    void startOnPortZeroBindsAFreePort() {
        assertThat(API.running().port()).isPositive();
    }

    @Test
    void healthIs200WhileElasticsearchAnswers() {
        ApiTestClient.Response response = client.get("/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("ok");
        assertThat(response.json().path("elasticsearch").asText()).isIn("green", "yellow");
    }

    @Test
    void metricsHaveTheLatencyTimerPerEndpointAndStatus() {
        client.get("/api/v1/items/se-item/similar");
        client.get("/api/v1/items/se-item/similar?size=0");

        ApiTestClient.Response metrics = client.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("search_api_requests_seconds_bucket{")
                .contains("endpoint=\"/api/v1/items/{id}/similar\"")
                .containsPattern(
                        "search_api_requests_seconds_count\\{endpoint=\"/api/v1/items/\\{id\\}/similar\",method=\"GET\",status=\"200\"} [1-9]")
                .containsPattern(
                        "search_api_responses_total\\{endpoint=\"/api/v1/items/\\{id\\}/similar\",status=\"400\"} [1-9]");
    }

    @Test
    void unmatchedPathsShareOneMetricsSeries() {
        client.get("/no/such/path/1");
        client.get("/no/such/path/2");

        assertThat(client.get("/metrics").body())
                .contains("endpoint=\"unmatched\"")
                .doesNotContain("/no/such/path");
    }

    @Test
    void openApiDocumentListsEveryEndpoint() {
        ApiTestClient.Response response = client.get("/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("openapi").asText()).startsWith("3.");
        List<String> paths = new ArrayList<>();
        response.json().path("paths").fieldNames().forEachRemaining(paths::add);
        assertThat(paths)
                .containsExactlyInAnyOrder(
                        "/api/v1/items/{id}/similar",
                        "/api/v1/users/{id}/recommendations",
                        "/api/v1/audiences/lookalike",
                        "/api/v1/experiments/{id}",
                        "/docs",
                        "/api/v1/users/{id}",
                        "/api/v1/segments",
                        "/api/v1/audiences/search",
                        "/api/v1/audiences/export",
                        "/health",
                        "/metrics",
                        "/openapi.json");
        JsonNode lookalike = response.json().path("paths").path("/api/v1/audiences/lookalike");
        assertThat(lookalike.has("post")).isTrue();
    }

    @Test
    void docsPageRendersTheDocumentWithAssetsTheServiceItselfServes() {
        ApiTestClient.Response page = client.withToken(null).get("/docs");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("url: \"/openapi.json\"");
        Matcher bundle =
                Pattern.compile("src=\"(/webjars/swagger-ui/[^\"]+/swagger-ui-bundle\\.js)\"")
                        .matcher(page.body());
        assertThat(bundle.find()).as(page.body()).isTrue();
        ApiTestClient.Response script = client.withToken(null).get(bundle.group(1));
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("SwaggerUIBundle");
    }

    @Test
    void oversizedBodiesAreRefusedBeforeTheyAreParsed() {
        String seeds = "\"u\",".repeat((int) (SearchApi.MAX_REQUEST_BYTES / 4));
        ApiTestClient.Response response =
                client.post("/api/v1/audiences/lookalike", "{\"seed_users\":[" + seeds + "\"u\"]}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.errorMessage()).isNotEmpty();
    }

    @Test
    void elasticsearchDownGives503NotAServerError() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RunningSearchApi down =
                SearchApi.start(
                        SearchApiConfig.local(
                                ElasticsearchConnection.of("http://127.0.0.1:" + closedPort),
                                TestKeys.KEYS))) {
            ApiTestClient unchecked = new ApiTestClient(down.url(), false);

            ApiTestClient.Response health = unchecked.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().path("status").asText()).isEqualTo("unavailable");

            ApiTestClient.Response similar = unchecked.get("/api/v1/items/se-item/similar");
            assertThat(similar.status()).isEqualTo(503);
            assertThat(similar.errorCode()).isEqualTo("elasticsearch_unavailable");
            assertThat(similar.errorMessage()).doesNotContain("127.0.0.1");
        }
    }

    @Test
    void hungElasticsearchGives503WithinTheTimeout() throws IOException {
        // A listening socket nobody reads from: connections succeed, answers never come.
        try (ServerSocket hung = new ServerSocket(0);
                RunningSearchApi api =
                        SearchApi.start(
                                new SearchApiConfig(
                                        "127.0.0.1",
                                        0,
                                        ElasticsearchConnection.of(
                                                "http://127.0.0.1:" + hung.getLocalPort()),
                                        Duration.ofMillis(300),
                                        TestKeys.KEYS,
                                        ApiLimits.DEFAULTS,
                                        ErasureConfig.disabled()))) {
            ApiTestClient unchecked = new ApiTestClient(api.url(), false);
            long start = System.nanoTime();

            ApiTestClient.Response response =
                    unchecked.get("/api/v1/users/se-user/recommendations");

            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(5));
            assertThat(response.status()).isEqualTo(503);
            assertThat(response.errorCode()).isEqualTo("elasticsearch_timeout");
        }
    }
}
