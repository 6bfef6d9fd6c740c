package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The catalogue filters a recommendation request may carry: a category (matched against {@code
 * category_id} or {@code category_code}), a brand and a price range. They become Elasticsearch
 * filter clauses, used as kNN pre-filters and in the popularity fallback alike.
 */
record ItemFilter(String category, String brand, Double minPrice, Double maxPrice) {

    static final Set<String> PARAMETERS = Set.of("category", "brand", "min_price", "max_price");

    static ItemFilter from(Context ctx) {
        ItemFilter filter =
                new ItemFilter(
                        Parameters.text(ctx, "category"),
                        Parameters.text(ctx, "brand"),
                        Parameters.nonNegativeNumber(ctx, "min_price"),
                        Parameters.nonNegativeNumber(ctx, "max_price"));
        if (filter.minPrice != null
                && filter.maxPrice != null
                && filter.minPrice > filter.maxPrice) {
            throw ApiException.invalidParameter(
                    "min_price ("
                            + filter.minPrice
                            + ") must not be greater than max_price ("
                            + filter.maxPrice
                            + ")");
        }
        return filter;
    }

    List<Query> toQueries() {
        List<Query> queries = new ArrayList<>();
        if (category != null) {
            queries.add(
                    Queries.anyOf(
                            Queries.term("category_id", category),
                            Queries.term("category_code", category)));
        }
        if (brand != null) {
            queries.add(Queries.term("brand", brand));
        }
        if (minPrice != null || maxPrice != null) {
            queries.add(Queries.numberRange("price", minPrice, maxPrice));
        }
        return queries;
    }
}
