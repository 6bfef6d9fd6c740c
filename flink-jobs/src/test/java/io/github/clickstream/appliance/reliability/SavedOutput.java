package io.github.clickstream.appliance.reliability;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The output indices as they stood at one moment (an {@link OutputIndices#snapshot}), written back
 * into emptied indices: a job restored from a savepoint then continues on Elasticsearch as it was
 * when the savepoint was taken, as it would after a stop and restore in production.
 */
final class SavedOutput {

    private static final int PAGE = 1_000;

    private SavedOutput() {}

    /** Empties the output indices and writes {@code documents} ({@code index/id -> source}). */
    static void restore(ElasticsearchConnection connection, Map<String, JsonNode> documents)
            throws IOException {
        OutputIndices.reset(connection);
        try (ElasticsearchClient es = ElasticsearchClients.create(connection)) {
            List<BulkOperation> page = new ArrayList<>();
            for (Map.Entry<String, JsonNode> document : documents.entrySet()) {
                String[] indexAndId = document.getKey().split("/", 2);
                page.add(
                        BulkOperation.of(
                                b ->
                                        b.index(
                                                i ->
                                                        i.index(indexAndId[0])
                                                                .id(indexAndId[1])
                                                                .document(document.getValue()))));
                if (page.size() == PAGE) {
                    write(es, page);
                }
            }
            write(es, page);
            es.indices().refresh(r -> r.index(OutputIndices.PATTERNS).allowNoIndices(true));
        }
    }

    private static void write(ElasticsearchClient es, List<BulkOperation> page) throws IOException {
        if (page.isEmpty()) {
            return;
        }
        BulkResponse response = es.bulk(b -> b.operations(page).refresh(Refresh.False));
        if (response.errors()) {
            throw new IOException(
                    "Elasticsearch refused a saved document: "
                            + response.items().stream()
                                    .filter(item -> item.error() != null)
                                    .findFirst()
                                    .map(item -> item.error().reason())
                                    .orElse("?"));
        }
        page.clear();
    }
}
