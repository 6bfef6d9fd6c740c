package io.github.clickstream.appliance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.api.RunningSearchApi;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Recommendation latency at a fixed arrival rate: {@code /recommendations} through the search API
 * against the same kNN query sent straight to Elasticsearch, alternating in rounds on the same node
 * and data. Goal: API p99 at most 10 ms and 1.3x the direct query. Usage: {@code
 * bench/api-latency.sh [requests/s] [seconds] [rounds]}.
 */
public final class ApiLatencyBenchmark {

    private static final int ITEMS = 5_000;
    private static final int USERS = 500;
    private static final int DIMS = 64;
    private static final double GOAL_P99_MS = 10;
    private static final double GOAL_P99_RATIO = 1.3;
    static final String NAME = "api-latency";

    private ApiLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Duration length = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 20);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        try (BenchContext context = new BenchContext(false, rounds)) {
            System.out.print(ResultsTable.text(run(rate, length, context)));
        }
    }

    static List<Figure> run(BenchContext context) throws Exception {
        // The quick run stays below the rate at which 2 busy cores saturate, so it compares
        // latencies rather than queues; the full run uses the 300 req/s.
        return context.quick()
                ? run(100, Duration.ofSeconds(5), context)
                : run(300, Duration.ofSeconds(15), context);
    }

    static List<Figure> run(int rate, Duration length, BenchContext context) throws Exception {
        BenchElasticsearch es = context.freshElasticsearch();
        List<float[]> tastes = load(es.url());
        try (RunningSearchApi running = BenchApi.start(es.connection())) {
            System.out.printf(
                    "  %d items, %d users, %d req/s for %s per run%n", ITEMS, USERS, rate, length);
            warmUp(new OpenLoopLoad(), running.url(), es.url(), tastes);
            return LatencyRounds.compare(
                    NAME,
                    "recommendations",
                    "direct kNN",
                    rate,
                    length,
                    context.rounds(),
                    i -> recommendations(running.url(), i),
                    i -> knn(es.url(), tastes.get(i % USERS)),
                    Goal.oursAtMost(GOAL_P99_MS, "ms").and(Goal.ratioAtMost(GOAL_P99_RATIO)));
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
        Http.sendBulk(
                Http.bulk(
                        elasticsearch + "/_bulk?refresh=true",
                        bulk.toString().getBytes(StandardCharsets.UTF_8)));
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
