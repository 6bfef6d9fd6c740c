package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.github.clickstream.appliance.mappings.ItemDocument;
import io.github.clickstream.appliance.mappings.UserDocument;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v1/users/{id}/recommendations}: kNN over item vectors with the user's taste
 * vector ({@code user_vector}, or the mean of their recent items' vectors), leaving out what they
 * bought or just looked at; each result names the recent item it is most like ({@code because}).
 * Users without a usable taste get the popular items instead, under the same filters.
 *
 * <p>One user lookup, then, when the user has a stored taste, the kNN and the recent items' vectors
 * side by side; only a taste made from the recent items has to wait for them.
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
                    hit.id(), hit.score(), because, item.categoryId(), item.brand(), item.price());
        }

        static Result popular(ItemDocument item) {
            return new Result(
                    item.itemId(), null, null, item.categoryId(), item.brand(), item.price());
        }
    }

    private static final Set<String> PARAMETERS = parameters();

    private final ItemSearches items;
    private final UserSearches users;

    RecommendationsHandler(ItemSearches items, UserSearches users) {
        this.items = items;
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

        CompletableFuture<Map<String, float[]>> recentVectors = items.vectors(recent);
        float[] stored = user.map(UserDocument::userVector).filter(Vectors::usable).orElse(null);
        if (stored != null) {
            // The kNN needs only the stored taste, so it runs while the recent vectors load.
            CompletableFuture<List<Hit<ItemDocument>>> hits =
                    items.nearestAsync(stored, size, filters, excluded, recent.size() > 1);
            List<Hit<ItemDocument>> nearest = Futures.await(hits);
            ctx.json(personal(userId, nearest, inRecentOrder(recent, recentVectors)));
            return;
        }
        Map<String, float[]> vectors = inRecentOrder(recent, recentVectors);
        float[] taste = Vectors.mean(vectors.values());
        if (taste == null) {
            List<Result> popular =
                    items.popular(size, filters, excluded).stream().map(Result::popular).toList();
            ctx.json(new Recommendations(userId, "popular", popular));
            return;
        }
        List<Hit<ItemDocument>> nearest =
                items.nearest(taste, size, filters, excluded, vectors.size() > 1);
        ctx.json(personal(userId, nearest, vectors));
    }

    private static Recommendations personal(
            String userId, List<Hit<ItemDocument>> hits, Map<String, float[]> recentVectors) {
        List<Result> personal = new ArrayList<>(hits.size());
        for (Hit<ItemDocument> hit : hits) {
            personal.add(Result.personal(hit, because(hit.source(), recentVectors)));
        }
        return new Recommendations(userId, "personal", personal);
    }

    /** The recent items' usable vectors, most recent first. */
    private static Map<String, float[]> inRecentOrder(
            List<String> recent, CompletableFuture<Map<String, float[]>> vectors)
            throws IOException {
        Map<String, float[]> found = Futures.await(vectors);
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
     * The recent item whose vector has the highest cosine with the hit's, or null without recent
     * vectors. With a single one the hit's vector is not needed (nor fetched): a kNN hit always has
     * a usable vector of the index's dimensions, so that one recent item is the most similar.
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
