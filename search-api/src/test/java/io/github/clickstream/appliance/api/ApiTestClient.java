package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Calls the running API over real HTTP, and checks on every call that it never answers 5xx. */
final class ApiTestClient {

    /** One response: status, raw body and, when the body is JSON, its tree. */
    record Response(int status, String body, JsonNode json, HttpHeaders headers) {

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
    private final String token;

    /** A client with the admin test key, so tests of what an endpoint does pass the auth check. */
    ApiTestClient(String baseUrl) {
        this(baseUrl, true);
    }

    ApiTestClient(String baseUrl, boolean expectNo5xx) {
        this(baseUrl, expectNo5xx, TestKeys.ADMIN_TOKEN);
    }

    private ApiTestClient(String baseUrl, boolean expectNo5xx, String token) {
        this.baseUrl = baseUrl;
        this.expectNo5xx = expectNo5xx;
        this.token = token;
    }

    /** The same client presenting {@code token} instead, or no key at all when null. */
    ApiTestClient withToken(String token) {
        return new ApiTestClient(baseUrl, expectNo5xx, token);
    }

    Response get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET());
    }

    Response post(String path, String body) {
        return post(path, body, Map.of());
    }

    Response post(String path, String body, Map<String, String> headers) {
        return send(posting(path, body, headers));
    }

    /** The response body unread, for exports too large to hold; the caller closes it. */
    HttpResponse<InputStream> postStreaming(String path, String body, Map<String, String> headers) {
        try {
            HttpResponse<InputStream> response =
                    http.send(
                            prepared(posting(path, body, headers)),
                            HttpResponse.BodyHandlers.ofInputStream());
            if (expectNo5xx) {
                assertThat(response.statusCode()).as("status of %s", path).isLessThan(500);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder posting(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return request;
    }

    /** What every request gets, whatever its method: a timeout and the client's key. */
    private HttpRequest prepared(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.timeout(Duration.ofSeconds(30)).build();
    }

    /** A GET with one extra header, e.g. a malformed Authorization. */
    Response requestWithHeader(String path, String header, String value) {
        return send(HttpRequest.newBuilder(uri(path)).header(header, value).GET());
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Any method; a body, when given, is sent as JSON. */
    Response request(String method, String path, String body) {
        return send(
                HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body)));
    }

    private URI uri(String pathAndQuery) {
        return URI.create(baseUrl + pathAndQuery);
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(prepared(request), HttpResponse.BodyHandlers.ofString());
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
            return new Response(response.statusCode(), response.body(), json, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException("Call failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
