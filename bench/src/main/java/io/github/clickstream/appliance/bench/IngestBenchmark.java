package io.github.clickstream.appliance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.sessions.SessionSummary;
import io.github.clickstream.appliance.sink.DocumentWrite;
import io.github.clickstream.appliance.sink.ElasticsearchSink;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import io.github.clickstream.appliance.sink.SinkDocuments;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.api.connector.sink2.SinkWriter;

/**
 * Elasticsearch ingest: N session documents, serialized once up front, written by the job's sink
 * writer ({@link ElasticsearchSink}, called directly, outside a Flink job, so the figure is the
 * writer's and not the job's) against a raw {@code _bulk} of the same JSON from a plain HTTP
 * client, the same batch size, one request at a time, to the same node. Every run writes to a new
 * {@code sessions-*} index (the real template and mapping), checks the count and deletes it.
 * Docs/s; goal: ours at least 90 % of raw.
 */
final class IngestBenchmark {

    static final String NAME = "ingest";
    private static final double GOAL_RATIO = 0.9;
    private static final int BATCH = ElasticsearchSinkConfig.DEFAULT_MAX_BATCH_ACTIONS;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SinkWriter.Context NO_CONTEXT =
            new SinkWriter.Context() {
                @Override
                public long currentWatermark() {
                    return Long.MIN_VALUE;
                }

                @Override
                public Long timestamp() {
                    return null;
                }
            };

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        try (BenchContext context = new BenchContext(false, rounds)) {
            System.out.print(ResultsTable.text(run(documents, context)));
        }
    }

    static List<Figure> run(BenchContext context) throws Exception {
        return run(context.quick() ? 20_000 : 50_000, context);
    }

    static List<Figure> run(int documents, BenchContext context) throws Exception {
        BenchElasticsearch es = context.freshElasticsearch();
        List<DocumentWrite> writes = sessions(documents);
        System.out.printf("  %,d session documents, batches of %,d%n", documents, BATCH);
        // One uncounted run of each first: JIT, connections, the template's first use.
        viaSink(es, writes, "warmup-ours");
        rawBulk(es, writes, "warmup-raw");
        double[] ours = new double[context.rounds()];
        double[] raw = new double[context.rounds()];
        for (int round = 0; round < context.rounds(); round++) {
            // which goes first alternates, so neither always meets the node right after a drop
            if (round % 2 == 0) {
                ours[round] = viaSink(es, writes, "r" + round + "-ours");
                raw[round] = rawBulk(es, writes, "r" + round + "-raw");
            } else {
                raw[round] = rawBulk(es, writes, "r" + round + "-raw");
                ours[round] = viaSink(es, writes, "r" + round + "-ours");
            }
            System.out.printf(
                    "  round %d: sink writer %s docs/s, raw _bulk %s docs/s%n",
                    round + 1, Numbers.format(ours[round]), Numbers.format(raw[round]));
        }
        return List.of(
                new Figure(
                        NAME,
                        "session documents indexed, batches of " + BATCH,
                        "docs/s",
                        "sink writer",
                        "raw _bulk",
                        ours,
                        raw,
                        Goal.ratioAtLeast(GOAL_RATIO)));
    }

    private static double viaSink(BenchElasticsearch es, List<DocumentWrite> writes, String run)
            throws Exception {
        String index = index(run);
        ElasticsearchSinkConfig config = ElasticsearchSinkConfig.defaults(es.connection());
        double seconds;
        try (DirectWriterContext context = new DirectWriterContext();
                SinkWriter<DocumentWrite> writer =
                        new ElasticsearchSink(config).createWriter(context)) {
            long start = System.nanoTime();
            for (DocumentWrite write : writes) {
                writer.write(
                        new DocumentWrite(write.action(), index, write.id(), write.json()),
                        NO_CONTEXT);
            }
            writer.flush(true);
            seconds = (System.nanoTime() - start) / 1e9;
        }
        checkAndDrop(es, index, writes.size());
        return writes.size() / seconds;
    }

    private static double rawBulk(BenchElasticsearch es, List<DocumentWrite> writes, String run)
            throws Exception {
        String index = index(run);
        List<byte[]> bodies = new ArrayList<>();
        for (int from = 0; from < writes.size(); from += BATCH) {
            bodies.add(
                    bulkBody(index, writes.subList(from, Math.min(writes.size(), from + BATCH))));
        }
        long start = System.nanoTime();
        for (byte[] body : bodies) {
            Http.sendBulk(Http.bulk(es.url() + "/_bulk", body));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        checkAndDrop(es, index, writes.size());
        return writes.size() / seconds;
    }

    private static byte[] bulkBody(String index, List<DocumentWrite> batch) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (DocumentWrite write : batch) {
            out.write(
                    JSON.writeValueAsBytes(
                            Map.of("index", Map.of("_index", index, "_id", write.id()))));
            out.write('\n');
            out.write(write.json().getBytes(StandardCharsets.UTF_8));
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static String index(String run) {
        return "sessions-bench-" + run;
    }

    /** Both variants must have indexed every document, or the figure means nothing. */
    private static void checkAndDrop(BenchElasticsearch es, String index, int expected)
            throws Exception {
        Http.send(Http.post(es.url() + "/" + index + "/_refresh", ""));
        long count =
                JSON.readTree(Http.send(Http.post(es.url() + "/" + index + "/_count", "")))
                        .path("count")
                        .asLong();
        if (count != expected) {
            throw new IllegalStateException(
                    index + " holds " + count + " documents, expected " + expected);
        }
        Http.send(HttpRequest.newBuilder(URI.create(es.url() + "/" + index)).DELETE().build());
    }

    /** Random but plausible sessions, as the job's sink serializes them. */
    private static List<DocumentWrite> sessions(int count) {
        Random random = new Random(11);
        long base = Instant.parse("2026-10-01T00:00:00Z").toEpochMilli();
        List<DocumentWrite> writes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String user = "user-" + random.nextInt(count / 4 + 1);
            long start = base + i * 60_000L; // one session per minute: every id differs
            int views = 1 + random.nextInt(20);
            int carts = random.nextInt(3);
            int purchases = carts > 0 && random.nextBoolean() ? 1 : 0;
            String first = "item-" + random.nextInt(5_000);
            String last = "item-" + random.nextInt(5_000);
            SessionSummary session =
                    new SessionSummary(
                            SessionSummary.sessionId(user, start),
                            user,
                            start,
                            start + random.nextInt(1_800) * 1000L,
                            views,
                            carts,
                            random.nextInt(2),
                            purchases,
                            random.nextInt(3),
                            random.nextInt(2),
                            0,
                            purchases * random.nextInt(20_000) / 100.0,
                            purchases > 0 ? start : null,
                            Math.min(views, 1 + random.nextInt(10)),
                            1 + random.nextInt(4),
                            first,
                            last,
                            random.nextBoolean() ? "checkout" : null,
                            random.nextBoolean() ? "a" : "b",
                            List.of(last, first),
                            Map.of("cat-" + random.nextInt(50), views),
                            List.of());
            writes.addAll(SinkDocuments.session(session)); // no replaced starts: one write
        }
        return writes;
    }
}
