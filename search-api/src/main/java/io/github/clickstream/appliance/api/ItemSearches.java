package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.KnnSearch;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import io.github.clickstream.appliance.mappings.ItemDocument;
import io.github.clickstream.appliance.mappings.ItemRanking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code items} index: lookups by id, kNN on {@code ranking_vector} ({@link
 * ItemRanking}), and popularity.
 */
final class ItemSearches {

    static final String INDEX = "items";

    /** What a result row shows. */
    static final List<String> RESULT_FIELDS = List.of("item_id", "category_id", "brand", "price");

    private static final SourceConfig RESULT_SOURCE =
            Queries.sourceFields("item_id", "category_id", "brand", "price");

    /** Result fields plus the item vector, which {@code because} is computed from. */
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
        return found(
                client.mget(
                        m -> m.index(INDEX).ids(List.copyOf(ids)).sourceIncludes(fields),
                        ItemDocument.class));
    }

    /** The usable vectors of the items among {@code ids} that exist, by id. */
    Map<String, float[]> vectors(Collection<String> ids) throws IOException {
        Map<String, float[]> vectors = new HashMap<>();
        findAll(ids, List.of("item_vector"))
                .forEach(
                        (id, item) -> {
                            if (Vectors.usable(item.itemVector())) {
                                vectors.put(id, item.itemVector());
                            }
                        });
        return vectors;
    }

    private static Map<String, ItemDocument> found(MgetResponse<ItemDocument> response) {
        Map<String, ItemDocument> found = new HashMap<>();
        for (MultiGetResponseItem<ItemDocument> doc : response.docs()) {
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
     * The {@code k} best-ranked items for {@code query} ({@link ItemRanking#score}, best first)
     * that pass {@code filters} and are not in {@code excludedIds}; filters run inside the kNN
     * search, so they never shorten the list. Each hit's source holds the result fields, plus
     * {@code item_vector} when {@code withVectors}; {@link #score} reads a hit's score.
     */
    List<Hit<ItemDocument>> nearest(
            float[] query,
            int k,
            List<Query> filters,
            Collection<String> excludedIds,
            boolean withVectors)
            throws IOException {
        return client.search(
                        nearestRequest(
                                ItemRanking.unit(query), k, filters, excludedIds, withVectors),
                        ItemDocument.class)
                .hits()
                .hits();
    }

    /** The {@link ItemRanking#score} of a hit from {@link #nearest}. */
    static double score(Hit<ItemDocument> hit) {
        return ItemRanking.fromInnerProductScore(hit.score());
    }

    private static SearchRequest nearestRequest(
            float[] unitQuery,
            int k,
            List<Query> filters,
            Collection<String> excludedIds,
            boolean withVectors) {
        List<Query> knnFilters = withExclusions(filters, excludedIds);
        KnnSearch knn =
                KnnSearch.of(
                        kb -> {
                            kb.field("ranking_vector")
                                    .queryVector(Vectors.toList(unitQuery))
                                    .k(k)
                                    .numCandidates(candidates(k));
                            return knnFilters.isEmpty() ? kb : kb.filter(knnFilters);
                        });
        return SearchRequest.of(
                s ->
                        s.index(INDEX)
                                .knn(knn)
                                .size(k)
                                .source(withVectors ? RESULT_SOURCE_WITH_VECTOR : RESULT_SOURCE));
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

    /**
     * HNSW candidates for {@code k} results: at least 100 (recall@10 ≥ 0.99, see bench/README.md
     * "ANN recall"), twice {@code k} beyond that. {@code ranking_vector} is indexed without
     * quantization: int8 scores of inner products of vectors of different lengths found only ~21 %
     * of the exact top 10, and ~87 % even when rescored.
     */
    static int candidates(int k) {
        return Math.min(10_000, Math.max(100, k * 2));
    }
}
