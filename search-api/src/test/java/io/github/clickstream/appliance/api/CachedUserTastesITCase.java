package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.UserDocument;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class CachedUserTastesITCase {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private static ElasticsearchConnection connection;
    private static ElasticsearchClient client;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        connection = ElasticsearchConnection.of(es.httpUrl());
        client = ElasticsearchClients.create(connection);
    }

    @AfterAll
    static void close() throws IOException {
        client.close();
    }

    @Test
    void aSecondReadComesFromTheCacheEvenAfterTheIndexChanged() throws IOException {
        indexUser("ct-anna", List.of("ct-a1", "ct-a2"), Fixtures.vector(10, 11, 0.5));
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        CachedUserTastes tastes = tastes(MINUTE, metrics);

        UserDocument first = tastes.find("ct-anna").orElseThrow();
        assertThat(first.recentItems()).containsExactly("ct-a1", "ct-a2");
        assertThat(first.userVector()[11]).isEqualTo(0.5f);
        assertThat(tastes.find("ct-unknown")).isEmpty();

        // the shopper's taste is republished and an unknown shopper appears; the cache answers
        indexUser("ct-anna", List.of("ct-a3"), Fixtures.vector(12, 13, 0.5));
        indexUser("ct-unknown", List.of("ct-u1"), null);
        assertThat(tastes.find("ct-anna").orElseThrow().recentItems())
                .containsExactly("ct-a1", "ct-a2");
        assertThat(tastes.find("ct-unknown")).isEmpty();

        // a fresh cache reads what Elasticsearch has now
        CachedUserTastes fresh = tastes(MINUTE, new SimpleMeterRegistry());
        assertThat(fresh.find("ct-anna").orElseThrow().recentItems()).containsExactly("ct-a3");
        assertThat(fresh.find("ct-unknown").orElseThrow().recentItems()).containsExactly("ct-u1");

        assertThat(metrics.get("cache.gets").tag("result", "miss").functionCounter().count())
                .isEqualTo(2);
        assertThat(metrics.get("cache.gets").tag("result", "hit").functionCounter().count())
                .isEqualTo(2);
    }

    @Test
    void aForgottenShopperIsReadAgain() throws IOException {
        indexUser("ct-ben", List.of("ct-b1"), null);
        CachedUserTastes tastes = tastes(MINUTE, new SimpleMeterRegistry());
        assertThat(tastes.find("ct-ben")).isPresent();

        client.delete(d -> d.index(UserSearches.INDEX).id("ct-ben"));
        assertThat(tastes.find("ct-ben")).isPresent();
        tastes.forget("ct-ben");

        assertThat(tastes.find("ct-ben")).isEmpty();
    }

    @Test
    void zeroTimeToLiveReadsEveryTime() throws IOException {
        indexUser("ct-cara", List.of("ct-c1"), null);
        CachedUserTastes tastes = tastes(Duration.ZERO, new SimpleMeterRegistry());
        assertThat(tastes.find("ct-cara").orElseThrow().recentItems()).containsExactly("ct-c1");

        indexUser("ct-cara", List.of("ct-c2"), null);

        assertThat(tastes.find("ct-cara").orElseThrow().recentItems()).containsExactly("ct-c2");
    }

    @Test
    void anUnreachableElasticsearchFailsTheRead() throws IOException {
        indexUser("ct-dora", List.of("ct-d1"), null);
        ElasticsearchConnection closed = ElasticsearchConnection.of("http://127.0.0.1:1");
        try (ElasticsearchClient unreachable = ElasticsearchClients.create(closed)) {
            CachedUserTastes tastes =
                    new CachedUserTastes(
                            new UserSearches(unreachable), MINUTE, new SimpleMeterRegistry());
            assertThatThrownBy(() -> tastes.find("ct-dora")).isInstanceOf(IOException.class);
        }
    }

    private static CachedUserTastes tastes(Duration timeToLive, SimpleMeterRegistry metrics) {
        return new CachedUserTastes(new UserSearches(client), timeToLive, metrics);
    }

    private static void indexUser(String id, List<String> recent, float[] vector)
            throws IOException {
        Map<String, Object> user = Fixtures.user(id, vector);
        user.put("recent_items", recent);
        Fixtures.index(connection, List.of(), List.of(user));
    }
}
