package io.github.clickstream.appliance.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.ScrollResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The pipeline's output indices ({@code users}, {@code sessions}, {@code items}, {@code metrics})
 * on one Elasticsearch: emptied before a run, read whole after it. Dead letters are not output:
 * they carry the time they were written.
 */
final class OutputIndices {

    static final List<String> PATTERNS = List.of("users-*", "sessions-*", "items-*", "metrics-*");
    private static final List<String> ALL =
            List.of("users-*", "sessions-*", "items-*", "metrics-*", "dead-letters-*");
    private static final int PAGE = 2_000;

    private OutputIndices() {}

    /** Deletes every index the pipeline writes, then applies the templates and aliases again. */
    static void reset(ElasticsearchConnection connection) throws IOException {
        try (ElasticsearchClient es = ElasticsearchClients.create(connection)) {
            // by name: Elasticsearch refuses wildcard deletes (action.destructive_requires_name)
            List<String> existing =
                    new ArrayList<>(
                            es.indices()
                                    .get(g -> g.index(ALL).allowNoIndices(true))
                                    .result()
                                    .keySet());
            if (!existing.isEmpty()) {
                es.indices().delete(d -> d.index(existing));
            }
        }
        IndexSetup.apply(connection);
    }

    /**
     * Every output document as {@code index/id -> source}; sources compare as JSON trees, since
     * field order depends on which partial upsert reached a document first.
     */
    /** {@link #snapshot} of a reference run, which must have filled every output index. */
    static Map<String, JsonNode> referenceSnapshot(ElasticsearchConnection connection)
            throws IOException {
        Map<String, JsonNode> reference = snapshot(connection);
        assertThat(reference.keySet())
                .as("the reference run fills every output index")
                .anyMatch(id -> id.startsWith("users-"))
                .anyMatch(id -> id.startsWith("sessions-"))
                .anyMatch(id -> id.startsWith("items-"))
                .anyMatch(id -> id.startsWith("metrics-"));
        return reference;
    }

    static Map<String, JsonNode> snapshot(ElasticsearchConnection connection) throws IOException {
        return read(connection, PATTERNS);
    }

    /** Every dead letter as {@code index/id -> source}. */
    static Map<String, JsonNode> deadLetters(ElasticsearchConnection connection)
            throws IOException {
        return read(connection, List.of("dead-letters-*"));
    }

    /** Every document of the indices matching {@code patterns} as {@code index/id -> source}. */
    static Map<String, JsonNode> read(ElasticsearchConnection connection, List<String> patterns)
            throws IOException {
        Map<String, JsonNode> documents = new TreeMap<>();
        try (ElasticsearchClient es = ElasticsearchClients.create(connection)) {
            es.indices().refresh(r -> r.index(patterns).allowNoIndices(true));
            SearchResponse<JsonNode> first =
                    es.search(
                            s ->
                                    s.index(patterns)
                                            .allowNoIndices(true)
                                            .size(PAGE)
                                            .scroll(t -> t.time("1m"))
                                            .query(q -> q.matchAll(m -> m)),
                            JsonNode.class);
            ResponseBody<JsonNode> page = first;
            String scrollId = first.scrollId();
            while (add(page, documents)) {
                String id = scrollId;
                ScrollResponse<JsonNode> next =
                        es.scroll(s -> s.scrollId(id).scroll(t -> t.time("1m")), JsonNode.class);
                page = next;
                scrollId = next.scrollId();
            }
            if (scrollId != null) {
                String id = scrollId;
                es.clearScroll(c -> c.scrollId(id));
            }
        }
        return documents;
    }

    private static boolean add(ResponseBody<JsonNode> page, Map<String, JsonNode> documents) {
        List<Hit<JsonNode>> hits = page.hits().hits();
        hits.forEach(h -> documents.put(h.index() + "/" + h.id(), h.source()));
        return !hits.isEmpty();
    }
}
