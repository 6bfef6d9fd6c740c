package io.github.clickstream.appliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.clickstream.appliance.api.RunningSearchApi;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The marketer endpoints on generated users: (1) a full CSV export through the API (rows/s, and
 * heap growth of this JVM, where the API runs) against paging the same users straight from
 * Elasticsearch with a point in time and {@code search_after}, reading and dropping each page; (2)
 * audience search latency at a fixed arrival rate against the same query sent straight to
 * Elasticsearch. The variants alternate in rounds. Usage: {@code bench/audiences.sh [users]
 * [requests/s] [seconds per search run] [rounds]}.
 */
public final class AudienceBenchmark {

    private static final String FILTER =
            "{\"segment\": [\"at-risk\", \"loyal\"], \"churn_risk\": {\"gte\": %s},"
                    + " \"days_since_last_purchase\": {\"lte\": 60}}";
    private static final String[] SEGMENTS = {"at-risk", "loyal", "new", "bargain", "champion"};
    private static final String SOURCE =
            "[\"user_id\", \"segment_name\", \"purchase_propensity\", \"churn_risk\","
                    + " \"days_since_last_visit\", \"days_since_last_purchase\", \"orders_30d\","
                    + " \"revenue_30d\", \"revenue_lifetime\", \"favourite_category\", \"last_seen\"]";
    private static final int EXPORT_PAGE = 1_000;
    private static final long MIB = 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String NAME = "audiences";

    private AudienceBenchmark() {}

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        Duration length = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 20);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (BenchContext context = new BenchContext(false, rounds)) {
            System.out.print(ResultsTable.text(run(users, rate, length, context)));
        }
    }

    static List<Figure> run(BenchContext context) throws Exception {
        return context.quick()
                ? run(20_000, 50, Duration.ofSeconds(5), context)
                : run(100_000, 100, Duration.ofSeconds(15), context);
    }

    static List<Figure> run(int users, int rate, Duration length, BenchContext context)
            throws Exception {
        BenchElasticsearch node = context.freshElasticsearch();
        String es = node.url();
        long loading = System.nanoTime();
        load(es, users);
        System.out.printf(
                "  %,d users indexed in %.0f s%n", users, (System.nanoTime() - loading) / 1e9);
        List<Figure> figures = new ArrayList<>();
        try (RunningSearchApi api = BenchApi.start(node.connection())) {
            figures.addAll(exports(api.url(), es, users, context.rounds()));
            figures.addAll(
                    searches(
                            api.url(),
                            node,
                            rate,
                            length,
                            context.rounds(),
                            warmUpLength(context)));
        }
        return figures;
    }

    private static List<Figure> exports(String api, String es, int users, int rounds)
            throws Exception {
        // The uncounted warm-up export samples the heap, about ten times (two full GCs each, which
        // would slow a timed export); the timed ones do not.
        Export sampled = exportViaApi(api, Math.max(1, Math.min(100_000, users / 10)));
        exportDirect(es);
        double heapGrowth = sampled.heapGrowth / (double) MIB;
        System.out.printf(
                Locale.ROOT,
                "  warm-up export: %,d MiB CSV, API heap growth at most %.1f MiB%n",
                sampled.bytes / MIB,
                heapGrowth);
        double[] viaApi = new double[rounds];
        double[] direct = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Export export = exportViaApi(api, 0);
            Export paging = exportDirect(es);
            if (export.rows != users || paging.rows != users) {
                throw new IllegalStateException(
                        "exported %d rows through the API and paged %d, expected %d"
                                .formatted(export.rows, paging.rows, users));
            }
            viaApi[round] = export.rowsPerSecond();
            direct[round] = paging.rowsPerSecond();
            System.out.printf(
                    Locale.ROOT,
                    "  export round %d: API %,d rows in %.1f s = %,.0f rows/s | direct PIT paging"
                            + " %,.0f rows/s%n",
                    round + 1,
                    export.rows,
                    export.seconds,
                    viaApi[round],
                    direct[round]);
        }
        String of = " of " + users + " users";
        return List.of(
                new Figure(
                        NAME,
                        "CSV export" + of,
                        "rows/s",
                        "API",
                        "direct PIT paging",
                        viaApi,
                        direct,
                        Goal.NONE),
                new Figure(
                        NAME,
                        "API heap growth during the (warm-up) export" + of,
                        "MiB",
                        "API",
                        "-",
                        new double[] {heapGrowth},
                        new double[0],
                        Goal.NONE));
    }

    private static List<Figure> searches(
            String api,
            BenchElasticsearch node,
            int rate,
            Duration length,
            int rounds,
            Duration warmUpLength)
            throws Exception {
        String es = node.url();
        OpenLoopLoad load = new OpenLoopLoad();
        // Warm up at half the rate: a cold node at full rate queues requests past the timeout.
        int warmUp = Math.max(1, rate / 2);
        load.run(warmUp, warmUpLength, i -> searchViaApi(api, i));
        load.run(warmUp, warmUpLength, i -> searchDirect(es, i));
        return LatencyRounds.compare(
                NAME,
                "audience search",
                "direct query",
                rate,
                length,
                rounds,
                i -> searchViaApi(api, i),
                i -> searchDirect(es, i),
                Goal.NONE,
                node,
                null);
    }

    private static Duration warmUpLength(BenchContext context) {
        return Duration.ofSeconds(context.quick() ? 5 : 10);
    }

    /** A churn threshold per request, so consecutive requests differ. */
    private static String threshold(int i) {
        return String.format(Locale.ROOT, "%.2f", 0.5 + (i % 40) / 100.0);
    }

    private static HttpRequest searchViaApi(String api, int i) {
        String body = "{\"filter\": " + String.format(FILTER, threshold(i)) + ", \"size\": 50}";
        return BenchApi.request(api + "/api/v1/audiences/search")
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** What the API sends for the same filter: a bool filter, user id order, exact total. */
    private static HttpRequest searchDirect(String es, int i) {
        String body =
                "{\"query\": {\"bool\": {\"filter\": ["
                        + "{\"terms\": {\"segment_name\": [\"at-risk\", \"loyal\"]}},"
                        + "{\"range\": {\"churn_risk\": {\"gte\": "
                        + threshold(i)
                        + "}}},"
                        + "{\"range\": {\"days_since_last_purchase\": {\"lte\": 60}}}]}},"
                        + "\"sort\": [{\"user_id\": \"asc\"}], \"size\": 50,"
                        + " \"track_total_hits\": true, \"_source\": "
                        + SOURCE
                        + "}";
        return Http.post(es + "/users/_search", body);
    }

    private record Export(long rows, long bytes, double seconds, long heapGrowth) {
        double rowsPerSecond() {
            return rows / seconds;
        }
    }

    /**
     * Streams the export of every user, counting lines; every {@code sampleEvery} rows (never when
     * 0) samples the heap after GCs.
     */
    private static Export exportViaApi(String api, long sampleEvery) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = sampleEvery > 0 ? usedAfterGc(memory) : 0;
        long peak = 0;
        long start = System.nanoTime();
        HttpResponse<InputStream> response =
                Http.CLIENT.send(
                        BenchApi.request(api + "/api/v1/audiences/export")
                                .header("content-type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"filter\": {}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        long lines = 0;
        long bytes = 0;
        long nextSample = sampleEvery > 0 ? sampleEvery : Long.MAX_VALUE;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream body = response.body()) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                bytes += n;
                for (int b = 0; b < n; b++) {
                    lines += buffer[b] == '\n' ? 1 : 0;
                }
                if (lines >= nextSample) {
                    peak = Math.max(peak, usedAfterGc(memory) - baseline);
                    nextSample += sampleEvery;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Export(lines - 1, bytes, seconds, peak);
    }

    /** The same rows paged straight from Elasticsearch, each page parsed and dropped. */
    private static Export exportDirect(String es) throws Exception {
        long start = System.nanoTime();
        String pit =
                JSON.readTree(Http.send(Http.post(es + "/users/_pit?keep_alive=5m", "")))
                        .path("id")
                        .asText();
        long rows = 0;
        long bytes = 0;
        JsonNode after = null;
        while (true) {
            ObjectNode request = JSON.createObjectNode();
            request.putObject("pit").put("id", pit).put("keep_alive", "5m");
            request.put("size", EXPORT_PAGE);
            request.putArray("sort").add("_shard_doc");
            request.put("track_total_hits", false);
            request.set("_source", JSON.readTree(SOURCE));
            if (after != null) {
                request.set("search_after", after);
            }
            String page = Http.send(Http.post(es + "/_search", request.toString()));
            bytes += page.length();
            JsonNode response = JSON.readTree(page);
            ArrayNode hits = (ArrayNode) response.path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            rows += hits.size();
            pit = response.path("pit_id").asText(pit);
            after = hits.get(hits.size() - 1).path("sort");
        }
        Http.CLIENT.send(
                HttpRequest.newBuilder(URI.create(es + "/_pit"))
                        .header("content-type", "application/json")
                        .method(
                                "DELETE",
                                HttpRequest.BodyPublishers.ofString("{\"id\": \"" + pit + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        return new Export(rows, bytes, (System.nanoTime() - start) / 1e9, 0);
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Small random users in five segments, bulk-indexed 20,000 at a time. */
    private static void load(String es, int users) throws Exception {
        Random random = new Random(3);
        StringBuilder bulk = new StringBuilder();
        for (int i = 0; i < users; i++) {
            String id = String.format("bench-user-%07d", i);
            ObjectNode user = JSON.createObjectNode();
            user.put("user_id", id);
            user.put("segment_name", SEGMENTS[random.nextInt(SEGMENTS.length)]);
            user.put("churn_risk", random.nextDouble());
            user.put("purchase_propensity", random.nextDouble());
            user.put("days_since_last_visit", random.nextInt(120));
            user.put("days_since_last_purchase", random.nextInt(365));
            user.put("orders_30d", random.nextInt(5));
            user.put("revenue_30d", random.nextInt(50_000) / 100.0);
            user.put("revenue_lifetime", random.nextInt(500_000) / 100.0);
            user.put("favourite_category", "cat-" + random.nextInt(50));
            user.put("last_seen", "2026-11-" + (10 + random.nextInt(20)) + "T10:00:00Z");
            bulk.append("{\"index\":{\"_index\":\"users\",\"_id\":\"").append(id).append("\"}}\n");
            bulk.append(user).append('\n');
            if ((i + 1) % 20_000 == 0 || i == users - 1) {
                Http.sendBulk(
                        Http.bulk(es + "/_bulk", bulk.toString().getBytes(StandardCharsets.UTF_8)));
                bulk.setLength(0);
            }
        }
        Http.send(Http.post(es + "/users/_refresh", ""));
    }
}
