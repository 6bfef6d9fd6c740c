package io.github.clickstream.appliance.similarity;

import java.util.List;

/**
 * A shopper's taste vector (the time-decayed, type-weighted sum of the signatures of the items they
 * touched; its cosine with an item vector is an item-based collaborative-filtering score) and the
 * items they bought, most recent first.
 */
public record UserTaste(String userId, float[] vector, List<String> purchasedItems, long at) {}
