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
        Map<String, float[]> recentUnits = withVectors ? unitVectors(vectors) : vectors;
        List<Result> personal =
                items.nearest(query, size, filters, excluded, withVectors).stream()
                        .map(hit -> Result.personal(hit, because(hit.source(), recentUnits)))
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

    /** Each recent item's vector scaled to length 1, in the same order. */
    private static Map<String, float[]> unitVectors(Map<String, float[]> vectors) {
        Map<String, float[]> units = new LinkedHashMap<>();
        vectors.forEach((id, vector) -> units.put(id, ItemRanking.unit(vector)));
        return units;
    }

    /**
     * The recent item whose vector has the highest cosine with the hit's: the only one when there
     * is one, null when the hit has no usable vector. With the recent items as unit vectors, the
     * highest dot product is the highest cosine (the hit's own length scales them all alike).
     */
    private static String because(ItemDocument hit, Map<String, float[]> recentUnits) {
        if (recentUnits.size() == 1) {
            return recentUnits.keySet().iterator().next();
        }
        float[] vector = hit.itemVector();
        if (!Vectors.usable(vector)) {
            return null;
        }
        String best = null;
        double bestDot = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, float[]> recent : recentUnits.entrySet()) {
            float[] unit = recent.getValue();
            if (unit == null || unit.length != vector.length) {
                continue;
            }
            double dot = Vectors.dot(vector, unit);
            if (dot > bestDot) {
                best = recent.getKey();
                bestDot = dot;
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
