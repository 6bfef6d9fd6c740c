package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStackExtension.class)
class CachedItemVectorsITCase {

    private static ElasticsearchConnection connection;
    private static ElasticsearchClient client;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        connection = ElasticsearchConnection.of(es.httpUrl());
        client = ElasticsearchClients.create(connection);
        Fixtures.index(
                connection,
                List.of(
                        Fixtures.item("cv-1", "cv", "cv", 1, Fixtures.vector(40, 41, 0.5)),
                        Fixtures.item("cv-novector", "cv", "cv", 1, null)),
                List.of());
    }

    @AfterAll
    static void close() throws IOException {
        client.close();
    }

    @Test
    void aSecondReadComesFromTheCacheEvenAfterTheIndexChanged() throws IOException {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        CachedItemVectors vectors = new CachedItemVectors(new ItemSearches(client), metrics);

        Map<String, float[]> first = vectors.vectors(List.of("cv-1", "cv-novector", "cv-unknown"));
        assertThat(first).containsOnlyKeys("cv-1");
        assertThat(first.get("cv-1")[40]).isEqualTo(1f);
        assertThat(first.get("cv-1")[41]).isEqualTo(0.5f);

        // the item's vector changes in Elasticsearch; within the time to live the cache answers
        Fixtures.index(
                connection,
                List.of(Fixtures.item("cv-1", "cv", "cv", 1, Fixtures.vector(42, 43, 0.5))),
                List.of());
        Map<String, float[]> second = vectors.vectors(List.of("cv-1", "cv-novector"));
        assertThat(second).containsOnlyKeys("cv-1");
        assertThat(second.get("cv-1")[40]).isEqualTo(1f);

        // a fresh cache reads the new vector
        Map<String, float[]> fresh =
                new CachedItemVectors(new ItemSearches(client), new SimpleMeterRegistry())
                        .vectors(List.of("cv-1"));
        assertThat(fresh.get("cv-1")[42]).isEqualTo(1f);

        // 3 misses on the first read, 2 hits on the second, and the metrics say so
        assertThat(metrics.get("cache.gets").tag("result", "miss").functionCounter().count())
                .isEqualTo(3);
        assertThat(metrics.get("cache.gets").tag("result", "hit").functionCounter().count())
                .isEqualTo(2);
    }
}
