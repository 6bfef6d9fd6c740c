package io.github.clickstream.appliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches Elasticsearch for the session documents of marker users: every {@link #POLL_MILLIS} one
 * search of the {@code sessions-*} indices for the markers not seen yet, noting when each first
 * shows up. "Visible" is what a dashboard or the API would see: found by a search, so after the
 * index's refresh (1 s), not a real-time get by id.
 */
final class VisibilityProbe implements AutoCloseable {

    static final long POLL_MILLIS = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String searchUrl;
    private final Map<String, Long> sentNanos = new ConcurrentHashMap<>();
    private final Map<String, Long> visibleNanos = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile Exception failure;

    VisibilityProbe(String elasticsearchUrl) {
        // The monthly indices behind the alias; a pattern matches none without a 404 before the
        // first.
        this.searchUrl = elasticsearchUrl + "/sessions-*/_search";
        this.poller = new Thread(this::pollUntilClosed, "visibility probe");
        poller.setDaemon(true);
        poller.start();
    }

    /** Starts watching for {@code userId}'s session, sent (due) at {@code nanos}. */
    void sent(String userId, long nanos) {
        sentNanos.put(userId, nanos);
    }

    boolean visible(String userId) {
        return visibleNanos.containsKey(userId);
    }

    /** Sent to visible in milliseconds; NaN while not visible. */
    double latencyMillis(String userId) {
        Long visible = visibleNanos.get(userId);
        return visible == null ? Double.NaN : (visible - sentNanos.get(userId)) / 1e6;
    }

    /**
     * Waits until every marker sent is visible or {@code timeoutMillis} passed; how many are not.
     */
    long awaitAll(long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (missing() > 0 && System.currentTimeMillis() < deadline) {
            checkHealthy();
            Thread.sleep(POLL_MILLIS);
        }
        return missing();
    }

    private long missing() {
        return sentNanos.size() - visibleNanos.size();
    }

    void checkHealthy() {
        if (failure != null) {
            throw new IllegalStateException("searching " + searchUrl + " failed", failure);
        }
    }

    private void pollUntilClosed() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                poll();
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                failure = e;
                return;
            }
        }
    }

    private void poll() throws Exception {
        List<String> waiting =
                sentNanos.keySet().stream().filter(id -> !visibleNanos.containsKey(id)).toList();
        if (waiting.isEmpty()) {
            return;
        }
        String query =
                JSON.writeValueAsString(
                        Map.of(
                                "size", waiting.size(),
                                "_source", List.of("user_id"),
                                "query", Map.of("terms", Map.of("user_id", waiting))));
        JsonNode hits = JSON.readTree(Http.send(Http.post(searchUrl, query))).path("hits");
        long now = System.nanoTime();
        for (JsonNode hit : hits.path("hits")) {
            visibleNanos.putIfAbsent(hit.path("_source").path("user_id").asText(), now);
        }
    }

    @Override
    public void close() throws InterruptedException {
        poller.interrupt();
        poller.join();
    }
}
