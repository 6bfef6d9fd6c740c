package io.github.clickstream.appliance.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The whole docker-compose stack, built from the repository and started with the example settings:
 * once the generator's events have gone through Kafka, the Flink job and Elasticsearch, the search
 * API recommends items from learned vectors. Needs a Docker engine (and {@code docker compose});
 * without one JUnit reports it skipped.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComposeStackITCase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ComposeContainer stack;
    private static URI api;
    private static String readerToken;

    @BeforeAll
    static void startStack() throws Exception {
        ComposeFile compose = ComposeFile.load();
        stack =
                new ComposeContainer(compose.directory.resolve("docker-compose.yml").toFile())
                        .withLocalCompose(true)
                        .withBuild(true)
                        .withRemoveVolumes(true)
                        .withEnv(compose.envExample)
                        .withExposedService("search-api", 8080, Wait.forHealthcheck())
                        .waitingFor("jobmanager", Wait.forHealthcheck())
                        .withStartupTimeout(Duration.ofMinutes(20));
        stack.start();
        api =
                URI.create(
                        "http://"
                                + stack.getServiceHost("search-api", 8080)
                                + ":"
                                + stack.getServicePort("search-api", 8080));
        readerToken =
                stack.getContainerByServiceName("search-api")
                        .orElseThrow()
                        .execInContainer("cat", "/credentials/demo-reader.token")
                        .getStdout()
                        .strip();
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void generatedShoppersGetPersonalRecommendationsThroughTheApi() {
        // The generator's ids are user-0 .. user-(GENERATOR_USERS - 1); personal recommendations
        // need the shopper's taste vector and item vectors, both learned by the Flink job.
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> {
                            List<JsonNode> personal = new ArrayList<>();
                            for (int user = 0; user < 20; user++) {
                                JsonNode body =
                                        get(
                                                "/api/v1/users/user-"
                                                        + user
                                                        + "/recommendations?size=5");
                                if (body.path("source").asText().equals("personal")) {
                                    personal.add(body);
                                }
                            }
                            assertThat(personal).isNotEmpty();
                            JsonNode first = personal.get(0).path("items").get(0);
                            assertThat(first.path("item_id").asText()).isNotEmpty();
                            assertThat(first.path("because").asText()).isNotEmpty();
                        });
    }

    @Test
    void theApiRefusesCallersWithoutAKeyButAnswersHealthChecks() throws Exception {
        assertThat(send("/health", null).statusCode()).isEqualTo(200);
        assertThat(send("/api/v1/users/user-1/recommendations", null).statusCode()).isEqualTo(401);
    }

    private static JsonNode get(String path) throws Exception {
        HttpResponse<String> response = send(path, readerToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static HttpResponse<String> send(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
