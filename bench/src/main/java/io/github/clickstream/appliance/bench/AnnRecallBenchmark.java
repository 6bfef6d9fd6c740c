package io.github.clickstream.appliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.evaluation.LearnedSimilarity;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.mappings.ItemRanking;
import io.github.clickstream.appliance.similarity.SimilarityConfig;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * ANN recall@10 of the kNN the search API runs ({@code ranking_vector}, k = 10, 100 candidates)
 * against the exact ranking on the same vectors ({@link ExactNeighbours}: cosine × square root of
 * the vector's length, what the ranking vectors' inner product computes). The vectors are the ones
 * the job's similarity stage learns from generated shopping ({@link LearnedSimilarity} on {@link
 * ClickstreamGenerator} events): item vectors go into the real {@code items} index (its mapping,
 * HNSW as Elasticsearch configures it), force-merged to one segment (one large graph, the hardest
 * case), and shoppers' taste vectors are the queries, a different few hundred each round. Also
 * prints recall and Elasticsearch's search time for other candidate counts: what raising it would
 * cost. Goal: recall at least 0.95. Usage: {@code AnnRecallBenchmark [users] [items] [days]
 * [rounds]}.
 */
public final class AnnRecallBenchmark {

    static final String NAME = "ann-recall";
    private static final int QUERIES = 300;
    private static final int K = ApiLatencyBenchmark.K;

    private static final int API_CANDIDATES = ApiLatencyBenchmark.NUM_CANDIDATES;

    private static final int[] CANDIDATE_SWEEP = {20, 50, 100, 200, 400};

    private static final double GOAL_RECALL_PERCENT = 95;
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnnRecallBenchmark() {}

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 3_000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int days = args.length > 2 ? Integer.parseInt(args[2]) : 21;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (BenchContext context = new BenchContext(false, rounds)) {
            System.out.print(ResultsTable.text(run(users, items, days, context)));
        }
    }

    static List<Figure> run(BenchContext context) throws Exception {
        return context.quick() ? run(1_000, 5_000, 7, context) : run(3_000, 20_000, 21, context);
    }

    static List<Figure> run(int users, int items, int days, BenchContext context) throws Exception {
        LearnedSimilarity learned = learn(users, items, days);
        Map<String, float[]> itemVectors = usable(learned.itemVectors());
        List<float[]> tastes = new ArrayList<>(usable(learned.tastes()).values());
        BenchElasticsearch es = context.freshElasticsearch();
        index(es.url(), itemVectors);
        System.out.printf(
                "  %,d item vectors and %,d taste vectors (%d dims) learned from %d users over %d"
                        + " days; index options %s%n",
                itemVectors.size(),
                tastes.size(),
                itemVectors.values().iterator().next().length,
                users,
                days,
                indexOptions(es.url()));
        ExactNeighbours exact = new ExactNeighbours(itemVectors);
        double[] recalls = new double[context.rounds()];
        double[] exactRecalls = new double[context.rounds()];
        for (int round = 0; round < recalls.length; round++) {
            Measured measured = measure(es.url(), exact, queries(tastes, round), API_CANDIDATES);
            recalls[round] = 100 * measured.recall();
            exactRecalls[round] = 100;
            System.out.printf(
                    Locale.ROOT,
                    "  round %d: recall@%d %.4f over %d tastes (%d candidates)%n",
                    round + 1,
                    K,
                    measured.recall(),
                    QUERIES,
                    API_CANDIDATES);
        }
        for (int candidates : CANDIDATE_SWEEP) {
            Measured measured = measure(es.url(), exact, queries(tastes, 0), candidates);
            System.out.printf(
                    Locale.ROOT,
                    "  num_candidates %3d: recall@%d %.4f, Elasticsearch took %.2f ms on average%n",
                    candidates,
                    K,
                    measured.recall(),
                    measured.meanTookMillis());
        }
        return List.of(
                new Figure(
                        NAME,
                        "recall@" + K + " of the API's kNN",
                        "%",
                        "kNN",
                        "exact ranking",
                        recalls,
                        exactRecalls,
                        Goal.oursAtLeast(GOAL_RECALL_PERCENT, "%")));
    }

    /** Mean recall@k over the queries and the mean of Elasticsearch's own {@code took}. */
    private record Measured(double recall, double meanTookMillis) {}

    private static Measured measure(
            String es, ExactNeighbours exact, List<float[]> queries, int candidates)
            throws Exception {
        double recall = 0;
        double took = 0;
        for (float[] query : queries) {
            JsonNode response = JSON.readTree(Http.send(knn(es, query, candidates)));
            List<String> found = new ArrayList<>();
            response.path("hits").path("hits").forEach(hit -> found.add(hit.path("_id").asText()));
            recall += exact.recall(query, found, K);
            took += response.path("took").asDouble();
        }
        return new Measured(recall / queries.size(), took / queries.size());
    }

    /** The API's kNN on ranking vectors, without filters, asking for ids only. */
    private static HttpRequest knn(String es, float[] query, int candidates) throws Exception {
        Map<String, Object> knn = new LinkedHashMap<>();
        knn.put("field", "ranking_vector");
        knn.put("query_vector", ItemRanking.unit(query));
        knn.put("k", K);
        knn.put("num_candidates", candidates);
        return Http.post(
                es + "/items/_search",
                JSON.writeValueAsString(Map.of("knn", knn, "size", K, "_source", false)));
    }

    /** A different sample of tastes for each round, the same for a round number. */
    private static List<float[]> queries(List<float[]> tastes, int round) {
        List<float[]> shuffled = new ArrayList<>(tastes);
        Collections.shuffle(shuffled, new Random(round));
        return shuffled.subList(0, Math.min(QUERIES, shuffled.size()));
    }

    private static LearnedSimilarity learn(int users, int items, int days) throws Exception {
        long start = System.nanoTime();
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(GeneratorConfig.of(users, items, days, 7))
                .forEachRemaining(events::add);
        LearnedSimilarity learned = LearnedSimilarity.train(events, SimilarityConfig.DEFAULTS);
        System.out.printf(
                "  learned from %,d generated events in %.0f s%n",
                events.size(), (System.nanoTime() - start) / 1e9);
        return learned;
    }

    /** Vectors Elasticsearch accepts for cosine: finite and not all zeros. */
    private static Map<String, float[]> usable(Map<String, float[]> vectors) {
        Map<String, float[]> usable = new LinkedHashMap<>();
        vectors.forEach(
                (id, vector) -> {
                    boolean nonZero = false;
                    boolean finite = true;
                    for (float v : vector) {
                        nonZero |= v != 0f;
                        finite &= Float.isFinite(v);
                    }
                    if (nonZero && finite) {
                        usable.put(id, vector);
                    }
                });
        return usable;
    }

    private static void index(String es, Map<String, float[]> vectors) throws Exception {
        StringBuilder bulk = new StringBuilder();
        int pending = 0;
        for (Map.Entry<String, float[]> item : vectors.entrySet()) {
            bulk.append(
                            JSON.writeValueAsString(
                                    Map.of(
                                            "index",
                                            Map.of("_index", "items", "_id", item.getKey()))))
                    .append('\n')
                    .append(
                            JSON.writeValueAsString(
                                    Map.of(
                                            "item_id",
                                            item.getKey(),
                                            "item_vector",
                                            item.getValue(),
                                            "ranking_vector",
                                            ItemRanking.rankingVector(item.getValue()))))
                    .append('\n');
            if (++pending == 2_000) {
                Http.sendBulk(Http.bulk(es + "/_bulk", bytes(bulk)));
                bulk.setLength(0);
                pending = 0;
            }
        }
        if (pending > 0) {
            Http.sendBulk(Http.bulk(es + "/_bulk", bytes(bulk)));
        }
        Http.send(Http.post(es + "/items/_forcemerge?max_num_segments=1", ""));
        Http.send(Http.post(es + "/items/_refresh", ""));
    }

    private static byte[] bytes(StringBuilder text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The ranking_vector field's index options as Elasticsearch reports them. */
    private static String indexOptions(String es) throws Exception {
        JsonNode mapping =
                JSON.readTree(
                        Http.send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        es
                                                                + "/items/_mapping/field/ranking_vector?include_defaults=true"))
                                        .build()));
        return mapping.findPath("index_options").toString();
    }
}
