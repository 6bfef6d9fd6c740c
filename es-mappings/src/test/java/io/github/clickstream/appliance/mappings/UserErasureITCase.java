package io.github.clickstream.appliance.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class UserErasureITCase {

    @Test
    void aProfileWrittenJustBeforeTheErasureIsDeletedToo(ElasticsearchNode es) throws Exception {
        try (ElasticsearchClient client =
                ElasticsearchClients.create(ElasticsearchConnection.of(es.httpUrl()))) {
            new IndexSetup(client).apply();
            // No periodic refresh: the profile is acknowledged but not yet searchable, as a write
            // the job's sink flushed at the checkpoint the erasure runs after.
            setRefreshInterval(client, "-1");
            try {
                client.index(
                        r -> r.index("users").id("u-fresh").document(Map.of("user_id", "u-fresh")));

                Map<String, Long> deleted = new UserErasure(client).erase("u-fresh");

                assertThat(deleted).containsEntry("users", 1L);
                assertThat(client.exists(r -> r.index("users").id("u-fresh")).value()).isFalse();
            } finally {
                setRefreshInterval(client, "1s");
            }
        }
    }

    private static void setRefreshInterval(ElasticsearchClient client, String interval)
            throws Exception {
        client.indices()
                .putSettings(
                        s ->
                                s.index("users")
                                        .settings(i -> i.refreshInterval(t -> t.time(interval))));
    }
}
