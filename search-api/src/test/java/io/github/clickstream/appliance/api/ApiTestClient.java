package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Calls the running API over real HTTP, and checks on every call that it never answers 5xx. */
final class ApiTestClient {

    /** One response: status, raw body and, when the body is JSON, its tree. */
    record Response(int status, String body, JsonNode json) {

        List<String> itemIds() {
            return ids(json.path("items"), "item_id");
        }

        List<String> userIds() {
            return ids(json.path("users"), "user_id");
        }

        String errorCode() {
            return json.path("error").path("code").asText();
        }

        String errorMessage() {
            return json.path("error").path("message").asText();
        }

        private static List<String> ids(JsonNode array, String field) {
            List<String> ids = new ArrayList<>();
            array.forEach(node -> ids.add(node.path(field).asText()));
            return ids;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final String baseUrl;
    private final boolean expectNo5xx;

    ApiTestClient(String baseUrl) {
        this(baseUrl, true);
    }

    ApiTestClient(String baseUrl, boolean expectNo5xx) {
        this.baseUrl = baseUrl;
        this.expectNo5xx = expectNo5xx;
    }

    Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    Response post(String path, String body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(
                            request.timeout(Duration.ofSeconds(30)).build(),
                            HttpResponse.BodyHandlers.ofString());
            if (expectNo5xx) {
                assertThat(response.statusCode())
                        .as("status of %s: %s", response.uri(), response.body())
                        .isLessThan(500);
            }
            JsonNode json = null;
            if (response.headers()
                    .firstValue("Content-Type")
                    .orElse("")
                    .startsWith("application/json")) {
                json = JSON.readTree(response.body());
            }
            return new Response(response.statusCode(), response.body(), json);
        } catch (IOException e) {
            throw new IllegalStateException("Call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
