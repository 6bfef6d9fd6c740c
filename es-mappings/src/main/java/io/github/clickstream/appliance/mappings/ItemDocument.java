package io.github.clickstream.appliance.mappings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * A product in the {@code items} index (id = item id): catalogue fields, popularity counts per
 * window, the co-occurrence vector, the vector the kNN ranks by ({@link ItemRanking#rankingVector})
 * and the exact nearest neighbours.
 */
public record ItemDocument(
        String itemId,
        String categoryId,
        String categoryCode,
        String brand,
        Double price,
        @JsonProperty("views_1d") Long views1d,
        @JsonProperty("views_7d") Long views7d,
        @JsonProperty("views_30d") Long views30d,
        @JsonProperty("carts_1d") Long carts1d,
        @JsonProperty("carts_7d") Long carts7d,
        @JsonProperty("carts_30d") Long carts30d,
        @JsonProperty("purchases_1d") Long purchases1d,
        @JsonProperty("purchases_7d") Long purchases7d,
        @JsonProperty("purchases_30d") Long purchases30d,
        float[] itemVector,
        float[] rankingVector,
        List<SimilarItem> similarItems,
        Instant updatedAt) {}
