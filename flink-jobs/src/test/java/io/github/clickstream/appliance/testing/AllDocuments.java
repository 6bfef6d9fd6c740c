package io.github.clickstream.appliance.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads every document matching a query, page by page with search_after, keyed by id. */
public final class AllDocuments {

    private static final int PAGE = 2_000;

    private AllDocuments() {}

    public static <T> Map<String, T> of(
            ElasticsearchClient es, String index, Query query, String sortField, Class<T> type)
            throws IOException {
        Map<String, T> documents = new LinkedHashMap<>();
        List<FieldValue> after = null;
        while (true) {
            List<FieldValue> searchAfter = after;
            List<Hit<T>> hits =
                    es.search(
                                    s -> {
                                        s.index(index)
                                                .query(query)
                                                .size(PAGE)
                                                .sort(
                                                        o ->
                                                                o.field(
                                                                        f ->
                                                                                f.field(sortField)
                                                                                        .order(
                                                                                                SortOrder
                                                                                                        .Asc)));
                                        if (searchAfter != null) {
                                            s.searchAfter(searchAfter);
                                        }
                                        return s;
                                    },
                                    type)
                            .hits()
                            .hits();
            if (hits.isEmpty()) {
                return documents;
            }
            hits.forEach(h -> documents.put(h.id(), h.source()));
            after = hits.get(hits.size() - 1).sort();
        }
    }
}
