package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.github.clickstream.appliance.mappings.ItemDocument;
import io.github.clickstream.appliance.mappings.ItemRanking;
import io.github.clickstream.appliance.mappings.UserDocument;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code GET /api/v1/users/{id}/recommendations}: kNN with a query made from the user's recent
 * items ({@link ItemRanking#personalQuery}, or their stored {@code user_vector} when none of them
 * has a vector), leaving out what they bought or just looked at. Elasticsearch ranks by {@link
 * ItemRanking#score} itself, as the Flink neighbour index and the offline evaluation rank; each
 * result names the recent item it is most like ({@code because}). Users without a usable taste get
 * the popular items instead, under the same filters.
 *
 * <p>Elasticsearch calls in a row: the user, their recent items' vectors (mostly from {@link
 * CachedItemVectors}), the kNN.
 */
final class RecommendationsHandler implements Handler {

    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 100;

    /** The response body; {@code source} is personal or popular. */
    record Recommendations(String userId, String source, List<Result> items) {}

    /** One recommended item; score and because are null for popular items. */
    record Result(
            String itemId,
            Double score,
            String because,
            String categoryId,
            String brand,
            Double price) {

        static Result personal(Hit<ItemDocument> hit, String because) {
            ItemDocument item = hit.source();
            return new Result(
                    hit.id(),
                    ItemSearches.score(hit),
                    because,
                    item.categoryId(),
                    item.brand(),
                    item.price());
        }

        static Result popular(ItemDocument item) {
            return new Result(
                    item.itemId(), null, null, item.categoryId(), item.brand(), item.price());
        }
    }

    private static final Set<String> PARAMETERS = parameters();

    private final ItemSearches items;
    private final CachedItemVectors itemVectors;
    private final UserSearches users;

    RecommendationsHandler(ItemSearches items, CachedItemVectors itemVectors, UserSearches users) {
        this.items = items;
        this.itemVectors = itemVectors;
        this.users = users;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Parameters.allowOnly(ctx, PARAMETERS);
        int size = Parameters.size(ctx, DEFAULT_SIZE, MAX_SIZE);
        ItemFilter filter = ItemFilter.from(ctx);
        String userId = Parameters.id(ctx.pathParam("id"), "user id");

        Optional<UserDocument> user = users.findTaste(userId);
        List<String> recent = user.map(UserDocument::recentItems).orElse(List.of());
        List<String> purchased = user.map(UserDocument::purchasedItems).orElse(List.of());
        Set<String> excluded = new HashSet<>(recent);
        excluded.addAll(purchased);
        List<Query> filters = filter.toQueries();

        Map<String, float[]> vectors = inRecentOrder(recent, itemVectors.vectors(recent));
        float[] query = ItemRanking.personalQuery(new ArrayList<>(vectors.values()));
        if (query == null) {
            query = user.map(UserDocument::userVector).filter(Vectors::usable).orElse(null);
        }
        if (query == null) {
            List<Result> popular =
                    items.popular(size, filters, excluded).stream().map(Result::popular).toList();
            ctx.json(new Recommendations(userId, "popular", popular));
            return;
        }
        // the hits' vectors are only needed to choose between several recent items
        boolean withVectors = vectors.size() > 1;
        List<Result> personal =
                items.nearest(query, size, filters, excluded, withVectors).stream()
                        .map(hit -> Result.personal(hit, because(hit.source(), vectors)))
                        .toList();
        ctx.json(new Recommendations(userId, "personal", personal));
    }

    /** The recent items' usable vectors, most recent first. */
    private static Map<String, float[]> inRecentOrder(
            List<String> recent, Map<String, float[]> found) {
        Map<String, float[]> ordered = new LinkedHashMap<>();
        for (String id : recent) {
            float[] vector = found.get(id);
            if (vector != null) {
                ordered.putIfAbsent(id, vector);
            }
        }
        return ordered;
    }

    /**
     * The recent item whose vector has the highest cosine with the hit's: the only one when there
     * is one, null when there is none.
     */
    private static String because(ItemDocument hit, Map<String, float[]> recentVectors) {
        if (recentVectors.size() == 1) {
            return recentVectors.keySet().iterator().next();
        }
        String best = null;
        double bestCosine = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, float[]> recent : recentVectors.entrySet()) {
            double cosine = Vectors.cosine(hit.itemVector(), recent.getValue());
            if (cosine > bestCosine) {
                best = recent.getKey();
                bestCosine = cosine;
            }
        }
        return best;
    }

    private static Set<String> parameters() {
        Set<String> allowed = new HashSet<>(ItemFilter.PARAMETERS);
        allowed.add("size");
        return Set.copyOf(allowed);
    }
}
