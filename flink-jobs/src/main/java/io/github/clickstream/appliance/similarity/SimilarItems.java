package io.github.clickstream.appliance.similarity;

import java.util.List;

/**
 * An item's nearest neighbours, best first, as of {@code at}: scored by vector cosine times the
 * square root of the neighbour's vector length ({@code ItemRanking}).
 */
public record SimilarItems(String itemId, List<Neighbour> neighbours, long at) {

    /** One neighbour and its score. */
    public record Neighbour(String itemId, double score) {}
}
