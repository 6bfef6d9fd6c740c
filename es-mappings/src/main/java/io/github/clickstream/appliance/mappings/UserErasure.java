package io.github.clickstream.appliance.mappings;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deletes every document about one user by {@code user_id}: the profile in {@code users}, their
 * sessions, and their dead letters (whose raw payloads hold their events). Refreshes first, so
 * documents written just before are found, and before returning, so a search right after no longer
 * finds them. The search API's erase endpoint and the Flink job's erasure sink both use it, so they
 * delete the same things.
 */
public final class UserErasure {

    /** An index alias and its name in the result. */
    private record Target(String alias, String name, boolean mayBeMissing) {}

    private static final List<Target> TARGETS =
            List.of(
                    new Target("users", "users", false),
                    // monthly indices behind these aliases exist only once something was written
                    new Target("sessions", "sessions", true),
                    new Target("dead-letters", "dead_letters", true));

    private static final int PAGE = 1_000;

    private final ElasticsearchClient client;

    public UserErasure(ElasticsearchClient client) {
        this.client = client;
    }

    /** How many documents were deleted, per index: users, sessions, dead_letters. */
    public Map<String, Long> erase(String userId) throws IOException {
        Query ofUser = Query.of(q -> q.term(t -> t.field("user_id").value(userId)));
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (Target target : TARGETS) {
            deleted.put(target.name(), deleteAll(target, ofUser));
        }
        return deleted;
    }

    /**
     * Finds and deletes page by page, not with {@code _delete_by_query}: that lives in the reindex
     * module, which the distribution the tests run on does not ship.
     */
    private long deleteAll(Target target, Query query) throws IOException {
        // Writes acknowledged just before (the job's sink flushes at the checkpoint this runs
        // after) are not searchable until a refresh; without one they would survive the erasure.
        client.indices()
                .refresh(
                        r ->
                                r.index(target.alias())
                                        .ignoreUnavailable(target.mayBeMissing())
                                        .allowNoIndices(true));
        long deleted = 0;
        while (true) {
            List<Hit<Void>> hits =
                    client.search(
                                    s ->
                                            s.index(target.alias())
                                                    .query(query)
                                                    .size(PAGE)
                                                    .source(f -> f.fetch(false))
                                                    .ignoreUnavailable(target.mayBeMissing())
                                                    .allowNoIndices(true),
                                    Void.class)
                            .hits()
                            .hits();
            if (hits.isEmpty()) {
                return deleted;
            }
            List<BulkOperation> deletes = new ArrayList<>();
            for (Hit<Void> hit : hits) {
                deletes.add(
                        BulkOperation.of(b -> b.delete(d -> d.index(hit.index()).id(hit.id()))));
            }
            BulkResponse response = client.bulk(b -> b.operations(deletes).refresh(Refresh.True));
            for (BulkResponseItem item : response.items()) {
                if (item.error() != null) {
                    throw new IOException(
                            "Elasticsearch refused to delete from "
                                    + item.index()
                                    + ": "
                                    + item.error().type());
                }
                if ("deleted".equals(item.result())) {
                    deleted++;
                }
            }
        }
    }
}
