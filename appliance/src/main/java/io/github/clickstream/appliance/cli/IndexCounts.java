package io.github.clickstream.appliance.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;

/** Document counts of the appliance's indices, for the demo's live status line. */
record IndexCounts(long sessions, long users, long items, long metrics, long deadLetters) {

    static IndexCounts of(ElasticsearchClient es) throws IOException {
        return new IndexCounts(
                count(es, "sessions"),
                count(es, "users"),
                count(es, "items"),
                count(es, "metrics"),
                count(es, "dead-letters"));
    }

    private static long count(ElasticsearchClient es, String alias) throws IOException {
        return es.count(c -> c.index(alias + "*").allowNoIndices(true).ignoreUnavailable(true))
                .count();
    }

    String statusLine(long eventsSent) {
        return String.format(
                "events sent %,d | sessions %,d | users %,d | items %,d | metrics %,d | dead"
                        + " letters %,d",
                eventsSent, sessions, users, items, metrics, deadLetters);
    }
}
