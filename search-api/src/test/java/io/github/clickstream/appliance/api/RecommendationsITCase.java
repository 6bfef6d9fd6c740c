package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(LocalStackExtension.class)
class RecommendationsITCase {

    @RegisterExtension static final ApiUnderTest API = new ApiUnderTest();

    private static ApiTestClient client;

    @BeforeAll
    static void start(ElasticsearchNode es) throws IOException {
        ElasticsearchConnection connection = ElasticsearchConnection.of(es.httpUrl());
        Fixtures.index(connection, TasteClusters.items(), TasteClusters.users());
        Fixtures.index(connection, supportItems(), List.of(supportUser()));
        client = API.start(connection);
    }

    @Test
    void userWhoseRecentItemsAreInClusterAGetsClusterAItemsButNotWhatTheyBoughtOrSaw() {
        // tc-user-a saw a1, a2 and bought a3: the five A items left are a4..a8.
        ApiTestClient.Response response =
                client.get("/api/v1/users/tc-user-a/recommendations?size=5");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("user_id").asText()).isEqualTo("tc-user-a");
        assertThat(response.json().path("source").asText()).isEqualTo("personal");
        assertThat(response.itemIds())
                .containsExactlyInAnyOrder("tc-a4", "tc-a5", "tc-a6", "tc-a7", "tc-a8");
        for (JsonNode item : response.json().path("items")) {
            assertThat(item.path("because").asText()).isIn("tc-a1", "tc-a2");
            assertThat(item.path("score").asDouble()).isPositive();
        }
    }

    @Test
    void storedUserVectorIsUsedAndPurchasesStayExcluded() {
        ApiTestClient.Response response =
                client.get("/api/v1/users/tc-user-vector/recommendations?size=6");

        assertThat(response.json().path("source").asText()).isEqualTo("personal");
        assertThat(response.itemIds())
                .containsExactlyInAnyOrder("tc-a2", "tc-a3", "tc-a5", "tc-a6", "tc-a7", "tc-a8");
        assertThat(response.json().path("items").findValuesAsText("because")).containsOnly("tc-a1");
    }

    @Test
    void becauseNamesTheRecentItemFromTheRecommendedItemsCluster() {
        // Recent items b1 and a1: the mean taste lies between both clusters.
        ApiTestClient.Response response =
                client.get("/api/v1/users/tc-user-mixed/recommendations?size=10");

        assertThat(response.itemIds())
                .hasSize(10)
                .allMatch(
                        id ->
                                TasteClusters.CLUSTER_A.contains(id)
                                        || TasteClusters.CLUSTER_B.contains(id))
                .doesNotContain("tc-a1", "tc-b1");
        assertEachBecauseIsTheRecentItemOfItsCluster(response);
    }

    @Test
    void recentItemsLeadOverTheStoredTasteAndEachResultNamesItsClustersItem() {
        // A stored taste mostly B, but a1 is the most recent item (weight 1, b1 then 0.8): the
        // seven A items left come first, then B ones.
        ApiTestClient.Response response =
                client.get("/api/v1/users/tc-user-vector-mixed/recommendations?size=10");

        assertThat(response.json().path("source").asText()).isEqualTo("personal");
        assertThat(response.itemIds().subList(0, 7))
                .containsExactlyInAnyOrder(
                        "tc-a2", "tc-a3", "tc-a4", "tc-a5", "tc-a6", "tc-a7", "tc-a8");
        assertThat(response.itemIds().subList(7, 10)).allMatch(TasteClusters.CLUSTER_B::contains);
        assertThat(response.itemIds()).doesNotContain("tc-a1", "tc-b1");
        assertEachBecauseIsTheRecentItemOfItsCluster(response);
    }

    @Test
    void storedTasteWhoseOnlyRecentItemHasNoVectorGivesNoBecause() {
        ApiTestClient.Response response =
                client.get("/api/v1/users/tc-user-vector-novector/recommendations?size=3");

        assertThat(response.json().path("source").asText()).isEqualTo("personal");
        assertThat(response.itemIds()).hasSize(3).allMatch(TasteClusters.CLUSTER_B::contains);
        for (JsonNode item : response.json().path("items")) {
            assertThat(item.path("because").isNull()).isTrue();
        }
    }

    @Test
    void categoryFilterMatchesCategoryId() {
        // Phones are the odd A items; a1 (seen) and a3 (bought) are excluded.
        ApiTestClient.Response response =
                client.get("/api/v1/users/tc-user-a/recommendations?category=tc-phones");

        assertThat(response.itemIds()).containsExactlyInAnyOrder("tc-a5", "tc-a7");
    }

    @Test
    void brandFilter() {
        ApiTestClient.Response response =
                client.get("/api/v1/users/tc-user-a/recommendations?brand=tc-acme");

        assertThat(response.itemIds()).containsExactly("tc-a4");
    }

    @Test
    void priceFilter() {
        ApiTestClient.Response response =
                client.get(
                        "/api/v1/users/tc-user-a/recommendations?min_price=45&max_price=75&size=20");

        assertThat(response.itemIds()).containsExactlyInAnyOrder("tc-a5", "tc-a6", "tc-a7");
        for (JsonNode item : response.json().path("items")) {
            assertThat(item.path("price").asDouble()).isBetween(45.0, 75.0);
        }
    }

    @Test
    void coldStartUserGetsPopularItemsInPopularityOrder() {
        ApiTestClient.Response response =
                client.get("/api/v1/users/tc-never-seen/recommendations?category=tc-popular");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("source").asText()).isEqualTo("popular");
        assertThat(response.itemIds()).containsExactlyElementsOf(TasteClusters.POPULARITY_ORDER);
        assertThat(response.json().path("items").get(0).path("because").isNull()).isTrue();
    }

    @Test
    void userWithoutAnyVectorGetsPopularItemsWithoutTheirPurchases() {
        // Their recent items are missing from the index or have no vector; they bought p2.
        ApiTestClient.Response response =
                client.get(
                        "/api/v1/users/tc-user-novectors/recommendations?category=tc-popular&size=3");

        assertThat(response.json().path("source").asText()).isEqualTo("popular");
        assertThat(response.itemIds()).containsExactly("tc-p3", "tc-p1", "tc-p4");
    }

    @Test
    void popularFallbackHonoursThePriceFilter() {
        // Popular items cost 2000 except p5 (2005).
        ApiTestClient.Response response =
                client.get(
                        "/api/v1/users/tc-never-seen/recommendations?category=tc-popular&min_price=2001");

        assertThat(response.itemIds()).isEqualTo(List.of("tc-p5"));
    }

    @Test
    void aMuchBetterSupportedItemOutranksASlightlyCloserOne() {
        // query: s0's unit vector (1, 0) on axes 30/31. s1 = (1, 0): cosine 1, length 1, score 1.
        // s2 = (60, 80): cosine 0.6, length 100, score 0.6 x 10 = 6. s3 = (0.6, 0.8): score 0.6.
        ApiTestClient.Response response =
                client.get("/api/v1/users/tc-user-support/recommendations?category=tc-support");

        assertThat(response.json().path("source").asText()).isEqualTo("personal");
        assertThat(response.itemIds()).containsExactly("tc-s2", "tc-s1", "tc-s3");
        assertThat(response.json().path("items").findValuesAsText("score"))
                .map(Double::parseDouble)
                .satisfiesExactly(
                        score -> assertThat(score).isCloseTo(6, within(1e-4)),
                        score -> assertThat(score).isCloseTo(1, within(1e-4)),
                        score -> assertThat(score).isCloseTo(0.6, within(1e-4)));
        assertThat(response.json().path("items").findValuesAsText("because")).containsOnly("tc-s0");
    }

    /** Items along axes 30 and 31, orthogonal to every other fixture item. */
    private static List<Map<String, Object>> supportItems() {
        return List.of(
                supportItem("tc-s0", 1, 0),
                supportItem("tc-s1", 1, 0),
                supportItem("tc-s2", 60, 80),
                supportItem("tc-s3", 0.6f, 0.8f));
    }

    private static Map<String, Object> supportItem(String id, float x, float y) {
        float[] vector = new float[Fixtures.DIMS];
        vector[30] = x;
        vector[31] = y;
        return Fixtures.item(id, "tc-support", "tc-support", 1, vector);
    }

    private static Map<String, Object> supportUser() {
        Map<String, Object> user = Fixtures.user("tc-user-support", null);
        user.put("recent_items", List.of("tc-s0"));
        return user;
    }

    /** Results from cluster A name the recent a1, those from B the recent b1. */
    private static void assertEachBecauseIsTheRecentItemOfItsCluster(
            ApiTestClient.Response response) {
        for (JsonNode item : response.json().path("items")) {
            String expected =
                    TasteClusters.CLUSTER_A.contains(item.path("item_id").asText())
                            ? "tc-a1"
                            : "tc-b1";
            assertThat(item.path("because").asText()).isEqualTo(expected);
        }
    }
}
