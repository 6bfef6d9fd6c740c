package io.github.clickstream.appliance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.ElasticsearchOptions;
import io.github.clickstream.appliance.localstack.LocalElasticsearch;
import io.github.clickstream.appliance.localstack.LocalStack;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The local Elasticsearch node the benchmarks share (the distribution from Maven Central, 512 MB
 * heap, on the same cores), with the templates applied; {@link #reset} empties it between
 * benchmarks so one benchmark's documents do not slow the next.
 */
final class BenchElasticsearch implements AutoCloseable {

    private final ElasticsearchNode node;
    private final ElasticsearchConnection connection;

    private BenchElasticsearch(ElasticsearchNode node) {
        this.node = node;
        this.connection = ElasticsearchConnection.of(node.httpUrl());
    }

    static BenchElasticsearch start() {
        long start = System.nanoTime();
        BenchElasticsearch es =
                new BenchElasticsearch(
                        LocalStack.startElasticsearch(ElasticsearchOptions.defaults()));
        IndexSetup.apply(es.connection);
        System.out.printf(
                "Elasticsearch started at %s in %.0f s%n",
                es.url(), (System.nanoTime() - start) / 1e9);
        return es;
    }

    String url() {
        return node.httpUrl();
    }

    ElasticsearchConnection connection() {
        return connection;
    }

    /** Deletes every non-system index, then applies the templates and aliased indices again. */
    void reset() throws Exception {
        JsonNode indices =
                new ObjectMapper()
                        .readTree(
                                Http.send(
                                        HttpRequest.newBuilder(
                                                        URI.create(
                                                                url()
                                                                        + "/_cat/indices?format=json&h=index"))
                                                .build()));
        List<String> names = new ArrayList<>();
        indices.forEach(index -> names.add(index.path("index").asText()));
        names.removeIf(name -> name.startsWith("."));
        if (!names.isEmpty()) {
            Http.send(
                    HttpRequest.newBuilder(URI.create(url() + "/" + String.join(",", names)))
                            .DELETE()
                            .build());
        }
        IndexSetup.apply(connection);
    }

    /**
     * CPU time the node's processes have used so far, in seconds; NaN when the node is not a local
     * child process (a container).
     */
    double cpuSeconds() {
        if (!(node instanceof LocalElasticsearch local)) {
            return Double.NaN;
        }
        return ProcessCpu.treeSeconds(local.pid());
    }

    @Override
    public void close() {
        node.close();
    }
}
