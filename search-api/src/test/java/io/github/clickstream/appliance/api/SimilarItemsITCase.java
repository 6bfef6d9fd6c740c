package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(LocalStackExtension.class)
class SimilarItemsITCase {

    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();

    private static ApiTestClient client;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        ElasticsearchConnection connection = ElasticsearchConnection.of(es.httpUrl());
        Fixtures.index(connection, TasteClusters.items(), TasteClusters.users());
        client = API.start(connection);
    }

    @Test
    void itemWithStoredNeighboursReturnsThemInStoredOrder() {
        ApiTestClient.Response response = client.get("/api/v1/items/tc-a1/similar");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("item_id").asText()).isEqualTo("tc-a1");
        assertThat(response.json().path("source").asText()).isEqualTo("neighbours");
        assertThat(response.itemIds()).containsExactlyElementsOf(TasteClusters.A1_NEIGHBOURS);
        assertThat(response.json().path("items").get(0).path("score").asDouble()).isEqualTo(0.9);
        // Catalogue fields come from the neighbour's own document: tc-a3 is an acme phone at 30.
        assertThat(response.json().path("items").get(0).path("category_id").asText())
                .isEqualTo("tc-phones");
        assertThat(response.json().path("items").get(0).path("brand").asText())
                .isEqualTo("tc-acme");
        assertThat(response.json().path("items").get(0).path("price").asDouble()).isEqualTo(30.0);
    }

    @Test
    void sizeCutsTheStoredNeighbours() {
        ApiTestClient.Response response = client.get("/api/v1/items/tc-a1/similar?size=2");

        assertThat(response.itemIds()).containsExactly("tc-a3", "tc-a2");
    }

    @Test
    void itemWithoutNeighboursFallsBackToKnnWithinItsCluster() {
        ApiTestClient.Response response = client.get("/api/v1/items/tc-a2/similar?size=5");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("source").asText()).isEqualTo("knn");
        assertThat(response.itemIds())
                .hasSize(5)
                .doesNotContain("tc-a2")
                .allMatch(TasteClusters.CLUSTER_A::contains);
    }

    @Test
    void similarItemsOfClusterBItemAreClusterBItems() {
        ApiTestClient.Response response = client.get("/api/v1/items/tc-b3/similar?size=5");

        assertThat(response.json().path("source").asText()).isEqualTo("knn");
        assertThat(response.itemIds())
                .containsExactlyInAnyOrder("tc-b1", "tc-b2", "tc-b4", "tc-b5", "tc-b6");
    }

    @Test
    void itemWithNeitherNeighboursNorVectorHasNoSimilarItems() {
        ApiTestClient.Response response = client.get("/api/v1/items/tc-novector/similar");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("source").asText()).isEqualTo("none");
        assertThat(response.itemIds()).isEmpty();
    }

    @Test
    void unknownItemIs404() {
        ApiTestClient.Response response = client.get("/api/v1/items/tc-no-such-item/similar");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo("not_found");
        assertThat(response.errorMessage()).contains("tc-no-such-item");
    }
}
