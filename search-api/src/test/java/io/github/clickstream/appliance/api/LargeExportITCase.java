package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 100,000 generated users in segment {@code ex-bulk}, exported through the API running in this JVM:
 * the stream is read row by row without buffering while the heap is sampled after forced
 * collections, so an export that held its rows in memory would show up as heap growth.
 */
@ExtendWith(LocalStackExtension.class)
class LargeExportITCase {

    private static final int USERS = 100_000;
    private static final String EXPORT = "/api/v1/audiences/export";
    private static final String ALL_BULK = "{\"segment\": [\"ex-bulk\"]}";
    private static final String RISKY_BULK =
            "{\"segment\": [\"ex-bulk\"], \"churn_risk\": {\"gte\": 0.7}}";
    private static final long MIB = 1024 * 1024;

    private static String elasticsearch;
    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();

    private static ApiTestClient client;

    /** Generated users with churn_risk >= 0.7, counted while generating them. */
    private static int riskyUsers;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        elasticsearch = es.httpUrl();
        ElasticsearchConnection connection = ElasticsearchConnection.of(elasticsearch);
        IndexSetup.apply(connection);
        riskyUsers = indexGeneratedUsers(connection);
        client = API.start(connection);
    }

    @AfterAll
    static void stop() throws IOException {
        try (ElasticsearchClient es =
                ElasticsearchClients.create(ElasticsearchConnection.of(elasticsearch))) {
            // Other test classes share the node; leave them a small users index. (The test
            // distribution has no delete-by-query.)
            List<BulkOperation> deletes = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String id = id(i);
                deletes.add(BulkOperation.of(o -> o.delete(d -> d.index("users").id(id))));
                if (deletes.size() == 10_000) {
                    List<BulkOperation> batch = List.copyOf(deletes);
                    es.bulk(b -> b.operations(batch));
                    deletes.clear();
                }
            }
            es.indices().refresh(r -> r.index("users"));
        }
    }

    @Test
    void csvExportOf100kUsersStreamsInBoundedMemoryAndMatchesTheSearchTotal() throws Exception {
        long total = searchTotal(ALL_BULK);
        assertThat(total).isEqualTo(USERS);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long baseline = usedAfterGc(memory);
        long peakGrowth = 0;
        long rows = 0;
        // A bit per generated id: a set of 100k strings would itself grow the heap by ~10 MiB.
        BitSet ids = new BitSet(USERS);
        HttpResponse<InputStream> response = client.postStreaming(EXPORT, body(ALL_BULK), Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(response.headers().firstValue("X-Export-Rows")).hasValue("100000");
        CountingStream body = new CountingStream(response.body());
        try (CsvReader<CsvRecord> csv =
                CsvReader.builder()
                        .ofCsvRecord(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (CsvRecord record : csv) {
                if (header) {
                    assertThat(record.getFields())
                            .containsExactlyElementsOf(AudienceMember.COLUMNS);
                    header = false;
                    continue;
                }
                assertThat(record.getFieldCount()).isEqualTo(AudienceMember.COLUMNS.size());
                ids.set(Integer.parseInt(record.getField(0).substring("ex-".length())));
                if (++rows % 20_000 == 0) {
                    peakGrowth = Math.max(peakGrowth, usedAfterGc(memory) - baseline);
                }
            }
        }

        assertThat(rows).isEqualTo(total);
        assertThat(ids.cardinality()).isEqualTo(USERS);
        // Streaming holds a page at a time; a buffered export would hold at least its own size.
        System.out.printf(
                "Export of %d rows, %d MiB: heap growth at most %.1f MiB%n",
                rows, body.count / MIB, peakGrowth / (double) MIB);
        assertThat(peakGrowth).isLessThan(Math.min(64 * MIB, body.count));
    }

    @Test
    void ndjsonExportOfAFilterHasAsManyRowsAsTheSearchTotal() throws Exception {
        assertThat(searchTotal(RISKY_BULK)).isEqualTo(riskyUsers);
        HttpResponse<InputStream> response =
                client.postStreaming(EXPORT + "?format=ndjson", body(RISKY_BULK), Map.of());
        ObjectMapper json = new ObjectMapper();
        long rows = 0;
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode row = json.readTree(line);
                assertThat(row.path("churn_risk").asDouble()).isGreaterThanOrEqualTo(0.7);
                rows++;
            }
        }

        assertThat(rows).isEqualTo(riskyUsers);
        assertThat(response.headers().firstValue("X-Total-Count"))
                .hasValue(Integer.toString(riskyUsers));
    }

    @Test
    void clientThatHangsUpMidwayLeavesNoPointInTimeOpen() throws Exception {
        HttpResponse<InputStream> response = client.postStreaming(EXPORT, body(ALL_BULK), Map.of());
        try (BufferedReader lines =
                new BufferedReader(
                        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < 100; i++) {
                assertThat(lines.readLine()).isNotNull();
            }
            assertThat(openSearchContexts()).isPositive();
        }

        Instant deadline = Instant.now().plusSeconds(30);
        while (openSearchContexts() > 0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        // The snapshot is kept alive for 5 minutes; gone within 30 s means the API closed it.
        assertThat(openSearchContexts()).isZero();
    }

    private static String body(String filter) {
        return "{\"filter\": " + filter + "}";
    }

    private static long searchTotal(String filter) {
        return client.post("/api/v1/audiences/search", "{\"filter\": " + filter + ", \"size\": 1}")
                .json()
                .path("total")
                .asLong();
    }

    /** Search contexts the node holds open, point-in-time snapshots included. */
    private static long openSearchContexts() throws Exception {
        HttpResponse<String> stats =
                HttpClient.newHttpClient()
                        .send(
                                HttpRequest.newBuilder(
                                                URI.create(
                                                        elasticsearch
                                                                + "/_nodes/stats/indices/search"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
        long open = 0;
        for (JsonNode node : new ObjectMapper().readTree(stats.body()).path("nodes")) {
            open += node.path("indices").path("search").path("open_contexts").asLong();
        }
        return open;
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Small random users; returns how many have churn_risk >= 0.7. */
    private static int indexGeneratedUsers(ElasticsearchConnection connection) throws IOException {
        Random random = new Random(11);
        int risky = 0;
        try (ElasticsearchClient es = ElasticsearchClients.create(connection)) {
            List<BulkOperation> batch = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
                String id = id(i);
                double churn = Math.round(random.nextDouble() * 1000) / 1000.0;
                risky += churn >= 0.7 ? 1 : 0;
                Map<String, Object> user =
                        Map.of(
                                "user_id",
                                id,
                                "segment_name",
                                "ex-bulk",
                                "churn_risk",
                                churn,
                                "purchase_propensity",
                                random.nextDouble(),
                                "days_since_last_purchase",
                                random.nextInt(365),
                                "orders_30d",
                                random.nextInt(5),
                                "revenue_30d",
                                random.nextInt(50_000) / 100.0,
                                "favourite_category",
                                "cat-" + random.nextInt(50));
                batch.add(
                        BulkOperation.of(
                                o -> o.index(x -> x.index("users").id(id).document(user))));
                if (batch.size() == 10_000 || i == USERS - 1) {
                    List<BulkOperation> operations = List.copyOf(batch);
                    BulkResponse response = es.bulk(b -> b.operations(operations));
                    assertThat(response.errors()).as("bulk errors").isFalse();
                    batch.clear();
                }
            }
            es.indices().refresh(r -> r.index("users"));
        }
        return risky;
    }

    private static String id(int i) {
        return String.format("ex-%06d", i);
    }

    /** Counts the bytes read through it. */
    private static final class CountingStream extends java.io.FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            return n;
        }
    }
}
