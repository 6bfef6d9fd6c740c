package io.github.clickstream.appliance.sink;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.UserErasure;
import java.io.IOException;
import java.util.Collection;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkCommitterMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the documents of each erased user (the same deletes as the search API's erase). A failure
 * is retried at the next checkpoint; the erasure stays pending in Flink's state until it succeeds.
 */
final class ErasureCommitter implements Committer<String> {

    private static final Logger LOG = LoggerFactory.getLogger(ErasureCommitter.class);

    private final ElasticsearchClient client;
    private final UserErasure erasure;
    private final Counter usersErased;

    ErasureCommitter(ElasticsearchConnection connection, SinkCommitterMetricGroup metrics) {
        this.client = ElasticsearchClients.create(connection);
        this.erasure = new UserErasure(client);
        this.usersErased = metrics.counter("usersErased");
    }

    @Override
    public void commit(Collection<CommitRequest<String>> requests) {
        for (CommitRequest<String> request : requests) {
            try {
                Map<String, Long> deleted = erasure.erase(request.getCommittable());
                usersErased.inc();
                // the user id is personal data; the log says only what was deleted
                LOG.info("Erased a user's documents: {}", deleted);
            } catch (IOException | ElasticsearchException e) {
                LOG.warn("Erasing a user's documents failed, retrying later: {}", e.toString());
                request.retryLater();
            }
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
