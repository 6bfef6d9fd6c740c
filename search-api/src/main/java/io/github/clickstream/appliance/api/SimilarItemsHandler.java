package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch.core.search.Hit;
import io.github.clickstream.appliance.mappings.ItemDocument;
import io.github.clickstream.appliance.mappings.SimilarItem;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /api/v1/items/{id}/similar}: the item's precomputed neighbours ({@code similar_items},
 * in stored order) when it has any, otherwise a kNN search on its vector.
 */
final class SimilarItemsHandler implements Handler {

    static final int DEFAULT_SIZE = 10;
    static final int MAX_SIZE = 100;

    /** The response body. {@code source} is neighbours, knn, or none (no neighbours, no vector). */
    record SimilarItems(String itemId, String source, List<Result> items) {}

    /** One similar item; catalogue fields are null when the neighbour has no document (yet). */
    record Result(String itemId, Double score, String categoryId, String brand, Double price) {}

    private final ItemSearches items;

    SimilarItemsHandler(ItemSearches items) {
        this.items = items;
    }

    @Override
    public void handle(Context ctx) throws Exception {
        Parameters.allowOnly(ctx, Set.of("size"));
        int size = Parameters.size(ctx, DEFAULT_SIZE, MAX_SIZE);
        String id = Parameters.id(ctx.pathParam("id"), "item id");
        ItemDocument item =
                items.find(id)
                        .orElseThrow(() -> ApiException.notFound("Unknown item '" + id + "'"));

        List<SimilarItem> neighbours = item.similarItems();
        if (neighbours != null && !neighbours.isEmpty()) {
            ctx.json(new SimilarItems(id, "neighbours", fromNeighbours(neighbours, size)));
        } else if (Vectors.usable(item.itemVector())) {
            List<Hit<ItemDocument>> hits =
                    items.nearest(item.itemVector(), size, List.of(), Set.of(id), false);
            ctx.json(new SimilarItems(id, "knn", hits.stream().map(this::fromHit).toList()));
        } else {
            ctx.json(new SimilarItems(id, "none", List.of()));
        }
    }

    private List<Result> fromNeighbours(List<SimilarItem> neighbours, int size) throws Exception {
        List<SimilarItem> top = neighbours.subList(0, Math.min(size, neighbours.size()));
        Map<String, ItemDocument> details =
                items.findAll(
                        top.stream().map(SimilarItem::itemId).toList(), ItemSearches.RESULT_FIELDS);
        return top.stream()
                .map(
                        n -> {
                            ItemDocument d = details.get(n.itemId());
                            return d == null
                                    ? new Result(n.itemId(), n.score(), null, null, null)
                                    : new Result(
                                            n.itemId(),
                                            n.score(),
                                            d.categoryId(),
                                            d.brand(),
                                            d.price());
                        })
                .toList();
    }

    private Result fromHit(Hit<ItemDocument> hit) {
        ItemDocument d = hit.source();
        return new Result(hit.id(), ItemSearches.score(hit), d.categoryId(), d.brand(), d.price());
    }
}
