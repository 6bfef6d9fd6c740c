package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Time;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import co.elastic.clients.elasticsearch.core.search.TotalHits;
import java.io.IOException;
import java.util.List;

/**
 * Pages through the users matching an audience filter: by {@code user_id} with {@code search_after}
 * for the search endpoint, and inside a point-in-time snapshot for exports, so an export sees one
 * consistent set of users however long it streams.
 */
final class AudienceSearches {

    /**
     * One page of members; {@code after} is where the next page starts (null when this one is
     * empty), {@code snapshot} the point-in-time id to use for it.
     */
    record Page(
            long total, List<AudienceMember> members, List<FieldValue> after, String snapshot) {}

    /** Long enough for a slow client to take a page between two fetches. */
    private static final Time KEEP_ALIVE = Time.of(t -> t.time("5m"));

    private static final SourceConfig COLUMNS =
            SourceConfig.of(s -> s.filter(f -> f.includes(AudienceMember.COLUMNS)));

    private final ElasticsearchClient client;

    AudienceSearches(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Up to {@code size} members in user id order after {@code afterUserId} (null: from the start).
     */
    Page page(Query filter, int size, String afterUserId) throws IOException {
        SearchResponse<AudienceMember> response =
                client.search(
                        s -> {
                            s.index(UserSearches.INDEX)
                                    .query(filter)
                                    .sort(o -> o.field(f -> f.field("user_id")))
                                    .size(size)
                                    .trackTotalHits(t -> t.enabled(true))
                                    .source(COLUMNS);
                            return afterUserId == null
                                    ? s
                                    : s.searchAfter(FieldValue.of(afterUserId));
                        },
                        AudienceMember.class);
        return page(response, null);
    }

    /** Opens a point-in-time snapshot of the users; close it with {@link #close}. */
    String openSnapshot() throws IOException {
        return client.openPointInTime(o -> o.index(UserSearches.INDEX).keepAlive(KEEP_ALIVE)).id();
    }

    /**
     * A page of the snapshot in index order ({@code _shard_doc}, the cheapest stable order); the
     * total is counted on the first page only ({@code after} null).
     */
    Page snapshotPage(String snapshot, Query filter, int size, List<FieldValue> after)
            throws IOException {
        SearchResponse<AudienceMember> response =
                client.search(
                        s -> {
                            s.pit(p -> p.id(snapshot).keepAlive(KEEP_ALIVE))
                                    .query(filter)
                                    .sort(o -> o.field(f -> f.field("_shard_doc")))
                                    .size(size)
                                    .trackTotalHits(t -> t.enabled(after == null))
                                    .source(COLUMNS);
                            return after == null ? s : s.searchAfter(after);
                        },
                        AudienceMember.class);
        return page(response, response.pitId() == null ? snapshot : response.pitId());
    }

    void close(String snapshot) throws IOException {
        client.closePointInTime(c -> c.id(snapshot));
    }

    private static Page page(SearchResponse<AudienceMember> response, String snapshot) {
        List<Hit<AudienceMember>> hits = response.hits().hits();
        TotalHits total = response.hits().total();
        return new Page(
                total == null ? -1 : total.value(),
                hits.stream().map(Hit::source).toList(),
                hits.isEmpty() ? null : hits.get(hits.size() - 1).sort(),
                snapshot);
    }
}
