package io.github.clickstream.appliance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.api.RunningSearchApi;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.ElasticsearchOptions;
import io.github.clickstream.appliance.localstack.LocalStack;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Recommendation latency at a fixed arrival rate: {@code /recommendations} through the search API
 * against the same kNN query sent straight to Elasticsearch, alternating in rounds on the same node
 * and data. Usage: {@code ApiLatencyBenchmark [requests/s] [seconds] [rounds]}.
 */
public final class ApiLatencyBenchmark {

    private static final int ITEMS = 5_000;
    private static final int USERS = 500;
    private static final int DIMS = 64;

    private ApiLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Duration length = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 20);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (ElasticsearchNode node =
                LocalStack.startElasticsearch(ElasticsearchOptions.defaults())) {
            ElasticsearchConnection connection = ElasticsearchConnection.of(node.httpUrl());
            IndexSetup.apply(connection);
            List<float[]> tastes = load(node.httpUrl());
            try (RunningSearchApi api = BenchApi.start(connection)) {
                OpenLoopLoad load = new OpenLoopLoad();
                System.out.printf(
                        "%d items, %d users, %d req/s for %s per run%n",
                        ITEMS, USERS, rate, length);
                warmUp(load, api.url(), node.httpUrl(), tastes);
                for (int round = 1; round <= rounds; round++) {
                    OpenLoopLoad.Result viaApi =
                            load.run(rate, length, i -> recommendations(api.url(), i));
                    OpenLoopLoad.Result direct =
                            load.run(rate, length, i -> knn(node.httpUrl(), tastes.get(i % USERS)));
                    System.out.printf(
                            Locale.ROOT,
                            "round %d: API p50 %.2f ms p99 %.2f ms (max %.1f, %d failed) | direct"
                                    + " p50 %.2f ms p99 %.2f ms (max %.1f, %d failed) | p99 ratio"
                                    + " %.2f%n",
                            round,
                            viaApi.p50(),
                            viaApi.p99(),
                            viaApi.max(),
                            viaApi.failures(),
                            direct.p50(),
                            direct.p99(),
                            direct.max(),
                            direct.failures(),
                            viaApi.p99() / direct.p99());
                }
            }
        }
    }

    private static void warmUp(
            OpenLoopLoad load, String api, String elasticsearch, List<float[]> tastes)
            throws Exception {
        load.run(100, Duration.ofSeconds(5), i -> recommendations(api, i));
        load.run(100, Duration.ofSeconds(5), i -> knn(elasticsearch, tastes.get(i % USERS)));
    }

    private static HttpRequest recommendations(String api, int i) {
        return BenchApi.request(
                        api
                                + "/api/v1/users/bench-user-"
                                + (i % USERS)
                                + "/recommendations?size=10")
                .build();
    }

    /** What the API sends for a user with a taste vector: kNN on item vectors, top 10. */
    private static HttpRequest knn(String elasticsearch, float[] taste) {
        try {
            String body =
                    new ObjectMapper()
                            .writeValueAsString(
                                    Map.of(
                                            "knn",
                                            Map.of(
                                                    "field",
                                                    "item_vector",
                                                    "query_vector",
                                                    taste,
                                                    "k",
                                                    10,
                                                    "num_candidates",
                                                    100),
                                            "size",
                                            10));
            return HttpRequest.newBuilder(URI.create(elasticsearch + "/items/_search"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Random items and users with vectors, bulk-indexed; returns each user's vector. */
    private static List<float[]> load(String elasticsearch) throws Exception {
        Random random = new Random(5);
        ObjectMapper json = new ObjectMapper();
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < ITEMS; i++) {
            bulk.append("{\"index\":{\"_index\":\"items\",\"_id\":\"bench-item-")
                    .append(i)
                    .append("\"}}\n");
            bulk.append(
                            json.writeValueAsString(
                                    Map.of(
                                            "item_id", "bench-item-" + i,
                                            "category_id", "cat-" + (i % 20),
                                            "item_vector", vector(random),
                                            "views_7d", random.nextInt(100),
                                            "purchases_7d", random.nextInt(10))))
                    .append('\n');
        }
        List<float[]> tastes = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            float[] taste = vector(random);
            tastes.add(taste);
            bulk.append("{\"index\":{\"_index\":\"users\",\"_id\":\"bench-user-")
                    .append(u)
                    .append("\"}}\n");
            bulk.append(
                            json.writeValueAsString(
                                    Map.of(
                                            "user_id",
                                            "bench-user-" + u,
                                            "user_vector",
                                            taste,
                                            "recent_items",
                                            List.of("bench-item-" + u))))
                    .append('\n');
        }
        HttpResponse<String> response =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(elasticsearch + "/_bulk?refresh=true"))
                                        .header("content-type", "application/x-ndjson")
                                        .POST(HttpRequest.BodyPublishers.ofString(bulk.toString()))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200 || response.body().contains("\"errors\":true")) {
            throw new IllegalStateException(
                    "bulk load failed: " + response.body().substring(0, 500));
        }
        return tastes;
    }

    private static float[] vector(Random random) {
        float[] vector = new float[DIMS];
        for (int d = 0; d < DIMS; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return vector;
    }
}
