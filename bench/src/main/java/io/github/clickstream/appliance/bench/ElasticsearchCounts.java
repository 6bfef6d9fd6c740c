package io.github.clickstream.appliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.events.DeadLetterReason;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What a job run left in Elasticsearch, read before and after it: documents written, and dead
 * letters of one reason (the events the job could not use, which a throughput figure must not
 * hide).
 */
final class ElasticsearchCounts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEAD_LETTERS = "/dead-letters-*";

    private final String url;

    ElasticsearchCounts(String url) {
        this.url = url;
    }

    /** Documents indexed (created or updated) on the node so far, primaries only. */
    long documentWrites() throws Exception {
        return get("/_stats/indexing")
                .path("_all")
                .path("primaries")
                .path("indexing")
                .path("index_total")
                .asLong();
    }

    /**
     * Deletes the dead-letter indices, so the next count is one run's (the sink's first write
     * creates them again from their template). By name: this distribution has no delete-by-query,
     * and Elasticsearch refuses to delete by wildcard.
     */
    void clearDeadLetters() throws Exception {
        List<String> names = new ArrayList<>();
        get("/_cat/indices" + DEAD_LETTERS + "?format=json&h=index")
                .forEach(index -> names.add(index.path("index").asText()));
        if (!names.isEmpty()) {
            Http.send(
                    HttpRequest.newBuilder(URI.create(url + "/" + String.join(",", names)))
                            .DELETE()
                            .build());
        }
    }

    long deadLetters(DeadLetterReason reason) throws Exception {
        Http.send(Http.post(url + DEAD_LETTERS + "/_refresh", ""));
        String query = "{\"query\":{\"term\":{\"reason\":\"" + reason.name() + "\"}}}";
        return JSON.readTree(Http.send(Http.post(url + DEAD_LETTERS + "/_count", query)))
                .path("count")
                .asLong();
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(Http.send(HttpRequest.newBuilder(URI.create(url + path)).build()));
    }
}
