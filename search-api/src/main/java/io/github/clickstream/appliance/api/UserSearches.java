package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.KnnSearch;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.get.GetResult;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.github.clickstream.appliance.mappings.UserDocument;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code users} index: profiles by id, seed users by query, kNN on user vectors. */
final class UserSearches {

    static final String INDEX = "users";

    private static final List<String> TASTE_FIELDS =
            List.of("user_id", "user_vector", "recent_items", "purchased_items");

    private static final float RESCORE_OVERSAMPLE = 2f;

    private final ElasticsearchClient client;

    UserSearches(ElasticsearchClient client) {
        this.client = client;
    }

    /** The user's vector and item lists, when the user exists. */
    Optional<UserDocument> findTaste(String id) throws IOException {
        GetResponse<UserDocument> response =
                client.get(
                        g -> g.index(INDEX).id(id).sourceIncludes(TASTE_FIELDS),
                        UserDocument.class);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    /** The whole profile, without {@code user_vector} unless asked for. */
    Optional<UserDocument> findProfile(String id, boolean withVector) throws IOException {
        GetResponse<UserDocument> response =
                client.get(
                        g ->
                                withVector
                                        ? g.index(INDEX).id(id)
                                        : g.index(INDEX).id(id).sourceExcludes("user_vector"),
                        UserDocument.class);
        return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    }

    /** The users among {@code ids} that exist, by id, with their vectors. */
    Map<String, UserDocument> findVectors(Collection<String> ids) throws IOException {
        List<MultiGetResponseItem<UserDocument>> docs =
                client.mget(
                                m ->
                                        m.index(INDEX)
                                                .ids(List.copyOf(ids))
                                                .sourceIncludes("user_id", "user_vector"),
                                UserDocument.class)
                        .docs();
        Map<String, UserDocument> found = new HashMap<>();
        for (MultiGetResponseItem<UserDocument> doc : docs) {
            if (doc.isResult()) {
                GetResult<UserDocument> result = doc.result();
                if (result.found() && result.source() != null) {
                    found.put(result.id(), result.source());
                }
            }
        }
        return found;
    }

    /** Up to {@code max} users matching {@code query} that have a vector, in user id order. */
    List<UserDocument> matchingWithVector(Query query, int max) throws IOException {
        Query withVector = Queries.allOf(List.of(query, Queries.exists("user_vector")));
        return client
                .search(
                        s ->
                                s.index(INDEX)
                                        .query(withVector)
                                        .sort(o -> o.field(f -> f.field("user_id")))
                                        .size(max)
                                        .source(Queries.sourceFields("user_id", "user_vector")),
                        UserDocument.class)
                .hits()
                .hits()
                .stream()
                .map(Hit::source)
                .toList();
    }

    /**
     * The {@code k} users nearest to {@code vector}, leaving out those matching {@code excluded}.
     * {@code user_vector} is int8-quantized in the graph (Elasticsearch's default for a cosine
     * field); the same kind of search on item vectors found 92 % of the exact top 10 from the
     * quantized scores and 100 % when k x 2 candidates were rescored with the raw vectors.
     */
    List<Hit<UserDocument>> nearest(float[] vector, int k, Query excluded) throws IOException {
        KnnSearch knn =
                KnnSearch.of(
                        kb ->
                                kb.field("user_vector")
                                        .queryVector(Vectors.toList(vector))
                                        .k(k)
                                        .numCandidates(ItemSearches.candidates(k))
                                        .rescoreVector(r -> r.oversample(RESCORE_OVERSAMPLE))
                                        .filter(Queries.not(excluded)));
        return client.search(
                        s ->
                                s.index(INDEX)
                                        .knn(knn)
                                        .size(k)
                                        .source(Queries.sourceFields("user_id", "segment_name")),
                        UserDocument.class)
                .hits()
                .hits();
    }
}
