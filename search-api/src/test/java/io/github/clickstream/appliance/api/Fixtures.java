package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.mappings.ItemRanking;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-made test data: 64-dimensional vectors that point along one chosen axis (a "taste cluster")
 * with a little spread on a second axis, and documents written as plain maps so the fixture does
 * not depend on the records under test. Each test class uses its own axes and id prefix, because
 * the Elasticsearch node is shared by the whole test JVM.
 */
final class Fixtures {

    static final int DIMS = 64;

    private Fixtures() {}

    /**
     * Unit weight on {@code axis}, {@code spread} on {@code spreadAxis}: near-parallel within a
     * cluster, orthogonal across.
     */
    static float[] vector(int axis, int spreadAxis, double spread) {
        float[] v = new float[DIMS];
        v[axis] = 1f;
        v[spreadAxis] = (float) spread;
        return v;
    }

    static Map<String, Object> item(
            String id, String category, String brand, double price, float[] vector) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("item_id", id);
        item.put("category_id", category);
        item.put("brand", brand);
        item.put("price", price);
        if (vector != null) {
            item.put("item_vector", vector);
            // as the job writes it
            item.put("ranking_vector", ItemRanking.rankingVector(vector));
        }
        return item;
    }

    static Map<String, Object> user(String id, float[] vector) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("user_id", id);
        if (vector != null) {
            user.put("user_vector", vector);
        }
        return user;
    }

    /**
     * Applies the templates, then indexes the documents (keyed by item_id / user_id) and refreshes.
     */
    static void index(
            ElasticsearchConnection connection,
            List<Map<String, Object>> items,
            List<Map<String, Object>> users)
            throws IOException {
        IndexSetup.apply(connection);
        List<BulkOperation> operations = new ArrayList<>();
        for (Map<String, Object> item : items) {
            operations.add(operation("items", (String) item.get("item_id"), item));
        }
        for (Map<String, Object> user : users) {
            operations.add(operation("users", (String) user.get("user_id"), user));
        }
        try (ElasticsearchClient client = ElasticsearchClients.create(connection)) {
            BulkResponse response =
                    client.bulk(b -> b.operations(operations).refresh(Refresh.WaitFor));
            if (response.errors()) {
                throw new IllegalStateException("Fixture indexing failed: " + response.items());
            }
        }
    }

    private static BulkOperation operation(String index, String id, Map<String, Object> doc) {
        return BulkOperation.of(o -> o.index(i -> i.index(index).id(id).document(doc)));
    }
}
