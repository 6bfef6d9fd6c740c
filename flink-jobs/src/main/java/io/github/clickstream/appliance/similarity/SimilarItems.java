package io.github.clickstream.appliance.similarity;

import java.util.List;

/** An item's nearest neighbours by vector cosine, best first, as of {@code at}. */
public record SimilarItems(String itemId, List<Neighbour> neighbours, long at) {

    /** One neighbour and its cosine. */
    public record Neighbour(String itemId, double score) {}
}
