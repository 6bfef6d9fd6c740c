package io.github.clickstream.appliance.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Plain HTTP/1.1 calls to Elasticsearch for loading data and for the "direct" baselines. */
final class Http {

    static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Http() {}

    static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    static HttpRequest bulk(String url, byte[] ndjson) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("content-type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ndjson))
                .build();
    }

    /** The body of a 2xx answer; anything else is an error naming the request. */
    static String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    request.method()
                            + " "
                            + request.uri()
                            + " answered "
                            + response.statusCode()
                            + ": "
                            + response.body());
        }
        return response.body();
    }

    /** Sends a {@code _bulk} request and fails if any item failed. */
    static void sendBulk(HttpRequest request) throws IOException, InterruptedException {
        String response = send(request);
        if (response.contains("\"errors\":true")) {
            throw new IllegalStateException(
                    "bulk request had failed items: "
                            + response.substring(0, Math.min(500, response.length())));
        }
    }
}
