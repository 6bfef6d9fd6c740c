package io.github.clickstream.appliance.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.clickstream.appliance.mappings.UserDocument;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Shoppers' tastes (vector, recent and purchased items) for recommendations, read from the {@code
 * users} index through a short-lived cache, so a shopper who asks again within the time to live
 * costs one Elasticsearch call (the kNN) instead of two. The job publishes a shopper's taste at
 * most once per hour of event time, so the cache adds at most its time to live to that staleness.
 * Unknown shoppers are cached as absent too. A time to live of zero turns the cache off.
 *
 * <p>An erasure through this API instance {@link #forget forgets} the shopper at once; other
 * instances hold them until their entry expires.
 */
final class CachedUserTastes {

    /** Bounds the heap the cache may take, whatever the lengths of the shoppers' item lists. */
    static final long MAX_BYTES = 32L * 1024 * 1024;

    private final UserSearches users;
    private final Cache<String, Optional<UserDocument>> cache;

    CachedUserTastes(UserSearches users, Duration timeToLive, MeterRegistry metrics) {
        this.users = users;
        this.cache =
                Caffeine.newBuilder()
                        .expireAfterWrite(timeToLive)
                        .maximumWeight(MAX_BYTES)
                        .weigher(CachedUserTastes::approximateBytes)
                        .recordStats()
                        .build();
        CaffeineCacheMetrics.monitor(metrics, cache, "user_tastes");
    }

    /** The shopper's vector and item lists, when the shopper exists. */
    Optional<UserDocument> find(String userId) throws IOException {
        try {
            // A load holds the entry, so a concurrent forget waits for it and then removes it.
            return cache.get(userId, this::read);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Drops the shopper's entry; the next request reads Elasticsearch again. */
    void forget(String userId) {
        cache.invalidate(userId);
    }

    private Optional<UserDocument> read(String userId) {
        try {
            return users.findTaste(userId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int approximateBytes(String userId, Optional<UserDocument> taste) {
        long bytes = 64 + 2L * userId.length();
        if (taste.isPresent()) {
            UserDocument user = taste.get();
            float[] vector = user.userVector();
            bytes += vector == null ? 0 : 16 + 4L * vector.length;
            bytes += listBytes(user.recentItems()) + listBytes(user.purchasedItems());
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    private static long listBytes(List<String> ids) {
        long bytes = 16;
        if (ids != null) {
            for (String id : ids) {
                bytes += 48 + 2L * id.length();
            }
        }
        return bytes;
    }
}
