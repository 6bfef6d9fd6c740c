package io.github.clickstream.appliance.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Item vectors by id for personal queries, read from the {@code items} index through a short-lived
 * cache. Recommendations need the vectors of a shopper's recent items before their kNN; those are
 * mostly popular items that many shoppers share, so the cache saves a round trip on most requests.
 * Item vectors hold no personal data, and the job republishes an item's vector at most once per
 * hour of event time, so a minute of staleness changes little. Items without a usable vector are
 * cached as absent too.
 */
final class CachedItemVectors {

    static final Duration TIME_TO_LIVE = Duration.ofSeconds(60);

    /** About 300 bytes per 64-dimension vector: at most about 15 MiB. */
    static final long MAX_ITEMS = 50_000;

    private final ItemSearches items;
    private final Cache<String, Optional<float[]>> cache;

    CachedItemVectors(ItemSearches items, MeterRegistry metrics) {
        this.items = items;
        this.cache =
                Caffeine.newBuilder()
                        .expireAfterWrite(TIME_TO_LIVE)
                        .maximumSize(MAX_ITEMS)
                        .recordStats()
                        .build();
        CaffeineCacheMetrics.monitor(metrics, cache, "item_vectors");
    }

    /** The usable vectors of the items among {@code ids} that exist, by id. */
    Map<String, float[]> vectors(Collection<String> ids) throws IOException {
        Map<String, Optional<float[]>> known = new HashMap<>(cache.getAllPresent(ids));
        Set<String> missing = new LinkedHashSet<>(ids);
        missing.removeAll(known.keySet());
        if (!missing.isEmpty()) {
            Map<String, float[]> fetched = items.vectors(missing);
            for (String id : missing) {
                Optional<float[]> vector = Optional.ofNullable(fetched.get(id));
                cache.put(id, vector);
                known.put(id, vector);
            }
        }
        Map<String, float[]> vectors = new HashMap<>();
        known.forEach((id, vector) -> vector.ifPresent(v -> vectors.put(id, v)));
        return vectors;
    }
}
