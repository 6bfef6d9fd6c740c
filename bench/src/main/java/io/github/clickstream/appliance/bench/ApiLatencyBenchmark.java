package io.github.clickstream.appliance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.mappings.ItemRanking;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Recommendation latency at a fixed arrival rate: {@code /recommendations} through the search API
 * against the same kNN query sent straight to Elasticsearch, alternating in rounds on the same node
 * and data. The API runs in a JVM of its own, as deployed; this JVM only generates the load. Goal:
 * API p99 at most 10 ms and 1.3x the direct query. Usage: {@code bench/api-latency.sh [requests/s]
 * [seconds] [rounds]}.
 */
public final class ApiLatencyBenchmark {

    private static final int ITEMS = 5_000;
    private static final int USERS = 500;
    private static final int DIMS = 64;

    /** As many as the job keeps per user ({@code FeatureWindows.DEFAULTS}). */
    private static final int RECENT_ITEMS = 20;

    private static final int PURCHASED_ITEMS = 3;
    static final int K = 10;

    /** What the API asks for with k = 10 ({@code ItemSearches.candidates}). */
    static final int NUM_CANDIDATES = 100;

    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final String API_HEAP = "512m";
    private static final double GOAL_P99_MS = 10;
    private static final double GOAL_P99_RATIO = 1.3;
    static final String NAME = "api-latency";

    /**
     * A bench user: the unit query the API makes from their recent items and the items it leaves
     * out for them.
     */
    private record BenchUser(float[] query, List<String> excluded) {}

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
        List<BenchUser> users = load(es.url());
        try (ApiProcess running = ApiProcess.start(es.connection(), API_HEAP)) {
            System.out.printf(
                    "  %d items, %d users (%d recent and %d purchased items each), %d req/s for %s"
                            + " per run%n",
                    ITEMS, USERS, RECENT_ITEMS, PURCHASED_ITEMS, rate, length);
            // Every request is built before the clock starts, so neither path pays for building.
            List<HttpRequest> apiRequests = recommendations(running.url());
            List<HttpRequest> directRequests = users.stream().map(u -> knn(es.url(), u)).toList();
            IntFunction<HttpRequest> viaApi = i -> apiRequests.get(i % USERS);
            IntFunction<HttpRequest> direct = i -> directRequests.get(i % USERS);
            // Unmeasured: half the rate for a while, then two rounds at the rate, so both paths
            // are compiled before they are measured (a cold API at the full rate queues until
            // its connection pool runs out, and with one round at the rate the API's own JVM
            // was still compiling: its CPU per request fell from 2.0 to 1.1 ms over the rounds).
            OpenLoopLoad warmUp = new OpenLoopLoad();
            for (IntFunction<HttpRequest> path : List.of(viaApi, direct)) {
                warmUp.run(Math.max(1, rate / 2), WARM_UP, path);
                warmUp.run(rate, length.multipliedBy(2), path);
            }
            return LatencyRounds.compare(
                    NAME,
                    "recommendations",
                    "direct kNN",
                    rate,
                    length,
                    context.rounds(),
                    viaApi,
                    direct,
                    Goal.oursAtMost(GOAL_P99_MS, "ms").and(Goal.ratioAtMost(GOAL_P99_RATIO)),
                    es,
                    running.handle());
        }
    }

    /** One {@code /recommendations} request per bench user, in user order. */
    private static List<HttpRequest> recommendations(String api) {
        List<HttpRequest> requests = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            requests.add(
                    BenchApi.request(
                                    api
                                            + "/api/v1/users/bench-user-"
                                            + u
                                            + "/recommendations?size="
                                            + K)
                            .build());
        }
        return requests;
    }

    /**
     * The kNN request the API sends: same query, k, candidates, exclusion filter and source fields
     * (with the vectors the API computes {@code because} from).
     */
    private static HttpRequest knn(String elasticsearch, BenchUser user) {
        try {
            Map<String, Object> knn =
                    Map.of(
                            "field",
                            "ranking_vector",
                            "query_vector",
                            user.query(),
                            "k",
                            K,
                            "num_candidates",
                            NUM_CANDIDATES,
                            "filter",
                            List.of(
                                    Map.of(
                                            "bool",
                                            Map.of(
                                                    "must_not",
                                                    Map.of(
                                                            "terms",
                                                            Map.of("item_id", user.excluded()))))));
            String body =
                    new ObjectMapper()
                            .writeValueAsString(
                                    Map.of(
                                            "knn",
                                            knn,
                                            "size",
                                            K,
                                            "_source",
                                            Map.of(
                                                    "includes",
                                                    List.of(
                                                            "item_id",
                                                            "category_id",
                                                            "brand",
                                                            "price",
                                                            "item_vector"))));
            return HttpRequest.newBuilder(URI.create(elasticsearch + "/items/_search"))
                    .header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Random item vectors (with their ranking vectors, as the job writes them); users with 20
     * recent and 3 purchased random items and a stored taste vector (here the mean of their recent
     * items' vectors), which the API does not need while the recent items have vectors.
     */
    private static List<BenchUser> load(String elasticsearch) throws Exception {
        Random random = new Random(5);
        ObjectMapper json = new ObjectMapper();
        StringBuilder bulk = new StringBuilder();
        List<float[]> vectors = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            float[] vector = vector(random);
            vectors.add(vector);
            bulk.append("{\"index\":{\"_index\":\"items\",\"_id\":\"bench-item-")
                    .append(i)
                    .append("\"}}\n");
            bulk.append(
                            json.writeValueAsString(
                                    Map.of(
                                            "item_id",
                                            "bench-item-" + i,
                                            "category_id",
                                            "cat-" + (i % 20),
                                            "item_vector",
                                            vector,
                                            "ranking_vector",
                                            ItemRanking.rankingVector(vector),
                                            "views_7d",
                                            random.nextInt(100),
                                            "purchases_7d",
                                            random.nextInt(10))))
                    .append('\n');
        }
        List<BenchUser> users = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            List<Integer> picked = distinctItems(random, RECENT_ITEMS + PURCHASED_ITEMS);
            List<String> recent = new ArrayList<>();
            List<String> purchased = new ArrayList<>();
            float[] taste = new float[DIMS];
            for (int n = 0; n < picked.size(); n++) {
                int item = picked.get(n);
                if (n < RECENT_ITEMS) {
                    recent.add("bench-item-" + item);
                    for (int d = 0; d < DIMS; d++) {
                        taste[d] += vectors.get(item)[d] / RECENT_ITEMS;
                    }
                } else {
                    purchased.add("bench-item-" + item);
                }
            }
            List<String> excluded = new ArrayList<>(recent);
            excluded.addAll(purchased);
            List<float[]> recentVectors =
                    picked.subList(0, RECENT_ITEMS).stream().map(vectors::get).toList();
            float[] query = ItemRanking.unit(ItemRanking.personalQuery(recentVectors));
            users.add(new BenchUser(query, excluded));
            bulk.append("{\"index\":{\"_index\":\"users\",\"_id\":\"bench-user-")
                    .append(u)
                    .append("\"}}\n");
            bulk.append(
                            json.writeValueAsString(
                                    Map.of(
                                            "user_id", "bench-user-" + u,
                                            "user_vector", taste,
                                            "recent_items", recent,
                                            "purchased_items", purchased)))
                    .append('\n');
        }
        Http.sendBulk(
                Http.bulk(
                        elasticsearch + "/_bulk?refresh=true",
                        bulk.toString().getBytes(StandardCharsets.UTF_8)));
        return users;
    }

    private static List<Integer> distinctItems(Random random, int count) {
        Set<Integer> picked = new LinkedHashSet<>();
        while (picked.size() < count) {
            picked.add(random.nextInt(ITEMS));
        }
        return new ArrayList<>(picked);
    }

    private static float[] vector(Random random) {
        float[] vector = new float[DIMS];
        for (int d = 0; d < DIMS; d++) {
            vector[d] = (float) random.nextGaussian();
        }
        return vector;
    }
}
