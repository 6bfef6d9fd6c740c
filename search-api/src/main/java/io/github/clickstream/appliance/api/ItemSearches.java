package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.KnnSearch;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import io.github.clickstream.appliance.mappings.ItemDocument;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code items} index: lookups by id, kNN on {@code item_vector}, and popularity. */
final class ItemSearches {

    static final String INDEX = "items";

    /** What a result row shows. */
    static final List<String> RESULT_FIELDS = List.of("item_id", "category_id", "brand", "price");

    private static final SourceConfig RESULT_SOURCE =
            Queries.sourceFields("item_id", "category_id", "brand", "price");

    /** Result fields plus the vector, which {@code because} is computed from. */
    private static final SourceConfig RESULT_SOURCE_WITH_VECTOR =
            Queries.sourceFields("item_id", "category_id", "brand", "price", "item_vector");

    private final ElasticsearchClient client;

    ItemSearches(ElasticsearchClient client) {
        this.client = client;
    }

    Optional<ItemDocument> find(String id) throws IOException {
        GetResponse<ItemDocument> response =
                client.get(g -> g.index(INDEX).id(id), ItemDocument.class);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    /** The items among {@code ids} that exist, by id, with only {@code fields} read. */
    Map<String, ItemDocument> findAll(Collection<String> ids, List<String> fields)
            throws IOException {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<MultiGetResponseItem<ItemDocument>> docs =
                client.mget(
                                m -> m.index(INDEX).ids(List.copyOf(ids)).sourceIncludes(fields),
                                ItemDocument.class)
                        .docs();
        Map<String, ItemDocument> found = new HashMap<>();
        for (MultiGetResponseItem<ItemDocument> doc : docs) {
            if (doc.isResult()) {
                GetResult<ItemDocument> result = doc.result();
                if (result.found() && result.source() != null) {
                    found.put(result.id(), result.source());
                }
            }
        }
        return found;
    }

    /**
     * The {@code k} items nearest to {@code vector} that pass {@code filters} and are not in {@code
     * excludedIds}; filters run inside the kNN search, so they never shorten the list.
     */
    List<Hit<ItemDocument>> nearest(
            float[] vector, int k, List<Query> filters, Collection<String> excludedIds)
            throws IOException {
        List<Query> knnFilters = withExclusions(filters, excludedIds);
        KnnSearch knn =
                KnnSearch.of(
                        kb -> {
                            kb.field("item_vector")
                                    .queryVector(Vectors.toList(vector))
                                    .k(k)
                                    .numCandidates(candidates(k));
                            return knnFilters.isEmpty() ? kb : kb.filter(knnFilters);
                        });
        return client.search(
                        s -> s.index(INDEX).knn(knn).size(k).source(RESULT_SOURCE_WITH_VECTOR),
                        ItemDocument.class)
                .hits()
                .hits();
    }

    /** Most purchased in 7 days first, then most viewed; item id breaks ties. */
    List<ItemDocument> popular(int size, List<Query> filters, Collection<String> excludedIds)
            throws IOException {
        Query query = Queries.allOf(withExclusions(filters, excludedIds));
        return client
                .search(
                        s ->
                                s.index(INDEX)
                                        .query(query)
                                        .sort(descending("purchases_7d"))
                                        .sort(descending("views_7d"))
                                        .sort(o -> o.field(f -> f.field("item_id")))
                                        .size(size)
                                        .source(RESULT_SOURCE),
                        ItemDocument.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::source)
                .toList();
    }

    private static List<Query> withExclusions(List<Query> filters, Collection<String> excluded) {
        List<Query> all = new ArrayList<>(filters);
        if (!excluded.isEmpty()) {
            all.add(Queries.not(Queries.terms("item_id", excluded)));
        }
        return all;
    }

    private static SortOptions descending(String field) {
        return SortOptions.of(
                o -> o.field(f -> f.field(field).order(SortOrder.Desc).missing("_last")));
    }

    /** Enough HNSW candidates for good recall; Elasticsearch allows at most 10,000. */
    static int candidates(int k) {
        return Math.min(10_000, Math.max(100, k * 10));
    }
}
