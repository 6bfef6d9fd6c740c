package io.github.clickstream.appliance.api;

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

/**
 * {@code GET /api/v1/users/{id}/recommendations}: kNN over item vectors with the user's taste
 * vector ({@code user_vector}, or the mean of their recent items' vectors), leaving out what they
 * bought or just looked at; each result names the recent item it is most like ({@code because}).
 * Users without a usable taste get the popular items instead, under the same filters.
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

    private final ItemSearches items;
    private final UserSearches users;

    RecommendationsHandler(ItemSearches items, UserSearches users) {
        this.items = items;
        this.users = users;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Set<String> allowed = new HashSet<>(ItemFilter.PARAMETERS);
        allowed.add("size");
        Parameters.allowOnly(ctx, allowed);
        int size = Parameters.size(ctx, DEFAULT_SIZE, MAX_SIZE);
        ItemFilter filter = ItemFilter.from(ctx);
        String userId = Parameters.id(ctx.pathParam("id"), "user id");

        Optional<UserDocument> user = users.findTaste(userId);
        List<String> recent = user.map(UserDocument::recentItems).orElse(List.of());
        List<String> purchased = user.map(UserDocument::purchasedItems).orElse(List.of());
        Set<String> excluded = new HashSet<>(recent);
        excluded.addAll(purchased);

        Map<String, float[]> recentVectors = recentVectors(recent);
        float[] taste = user.map(UserDocument::userVector).filter(Vectors::usable).orElse(null);
        if (taste == null) {
            taste = Vectors.mean(recentVectors.values());
        }
        if (taste == null) {
            List<Result> popular =
                    items.popular(size, filter.toQueries(), excluded).stream()
                            .map(Result::popular)
                            .toList();
            ctx.json(new Recommendations(userId, "popular", popular));
            return;
        }
        List<Result> personal = new ArrayList<>();
        for (Hit<ItemDocument> hit : items.nearest(taste, size, filter.toQueries(), excluded)) {
            String because = mostSimilar(hit.source().itemVector(), recentVectors);
            personal.add(Result.personal(hit, because));
        }
        ctx.json(new Recommendations(userId, "personal", personal));
    }

    /** The recent items' vectors, most recent first, leaving out items without a usable one. */
    private Map<String, float[]> recentVectors(List<String> recent) throws IOException {
        Map<String, ItemDocument> found = items.findAll(recent, List.of("item_id", "item_vector"));
        Map<String, float[]> vectors = new LinkedHashMap<>();
        for (String id : recent) {
            ItemDocument item = found.get(id);
            if (item != null && Vectors.usable(item.itemVector())) {
                vectors.putIfAbsent(id, item.itemVector());
            }
        }
        return vectors;
    }

    /** The recent item whose vector has the highest cosine with {@code vector}, or null. */
    private static String mostSimilar(float[] vector, Map<String, float[]> recentVectors) {
        String best = null;
        double bestCosine = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, float[]> recent : recentVectors.entrySet()) {
            double cosine = Vectors.cosine(vector, recent.getValue());
            if (cosine > bestCosine) {
                best = recent.getKey();
                bestCosine = cosine;
            }
        }
        return best;
    }
}
