package io.github.clickstream.appliance.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import io.github.clickstream.appliance.mappings.ItemDocument;
import io.github.clickstream.appliance.mappings.UserDocument;
import java.io.IOException;
import java.io.PrintWriter;

/** What to try once the demo has data: queries with a real user id from the data just indexed. */
final class DemoHints {

    private DemoHints() {}

    static void print(
            PrintWriter out, ElasticsearchClient es, String url, String api, String apiKey)
            throws IOException {
        String auth = "-H 'Authorization: Bearer " + apiKey + "' ";
        var busiest =
                es.search(
                                s ->
                                        s.index("users")
                                                .size(1)
                                                .sort(
                                                        o ->
                                                                o.field(
                                                                        f ->
                                                                                f.field(
                                                                                                "sessions_30d")
                                                                                        .order(
                                                                                                SortOrder
                                                                                                        .Desc))),
                                UserDocument.class)
                        .hits()
                        .hits();
        String user = busiest.isEmpty() ? "user-1" : busiest.get(0).id();
        out.println("Try:");
        out.println("  # the busiest shopper's profile (features, scores with reasons, segment)");
        out.println("  curl '" + url + "/users/_doc/" + user + "?pretty'");
        out.println("  # shoppers who abandon carts");
        out.println(
                "  curl -H 'content-type: application/json' '"
                        + url
                        + "/users/_search?pretty' -d '{\"query\":{\"range\":{\"cart_abandonment_rate\":{\"gte\":0.5}}},\"size\":3}'");
        out.println("  # shoppers at risk of churning, riskiest first");
        out.println(
                "  curl -H 'content-type: application/json' '"
                        + url
                        + "/users/_search?pretty' -d '{\"query\":{\"range\":{\"churn_risk\":{\"gte\":0.7}}},\"sort\":[{\"churn_risk\":\"desc\"}],\"_source\":[\"user_id\",\"churn_risk\",\"segment_name\",\"reasons\"],\"size\":3}'");
        out.println("  # segment sizes with mean purchase propensity");
        out.println(
                "  curl -H 'content-type: application/json' '"
                        + url
                        + "/users/_search?pretty' -d '{\"size\":0,\"aggs\":{\"segment\":{\"terms\":{\"field\":\"segment_name\"},\"aggs\":{\"propensity\":{\"avg\":{\"field\":\"purchase_propensity\"}}}}}}'");
        out.println("  # the checkout experiment: converted sessions per variant");
        out.println(
                "  curl -H 'content-type: application/json' '"
                        + url
                        + "/sessions/_search?pretty' -d '{\"size\":0,\"aggs\":{\"variant\":{\"terms\":{\"field\":\"variant\"},\"aggs\":{\"converted\":{\"filter\":{\"term\":{\"converted\":true}}}}}}}'");
        String item = anyItemWithNeighbours(es);
        out.println(
                "  # the search API: recommendations for that shopper, similar items, lookalikes");
        out.println(
                "  curl "
                        + auth
                        + "'"
                        + api
                        + "/api/v1/users/"
                        + user
                        + "/recommendations?size=5'");
        out.println("  curl " + auth + "'" + api + "/api/v1/items/" + item + "/similar?size=5'");
        out.println(
                "  curl "
                        + auth
                        + "-X POST -H 'content-type: application/json' '"
                        + api
                        + "/api/v1/audiences/lookalike' -d '{\"seed_users\":[\""
                        + user
                        + "\"],\"size\":5}'");
        out.println("  # records the pipeline could not use, with the reason");
        out.println("  curl '" + url + "/dead-letters/_search?pretty&size=3'");
        out.flush();
    }

    private static String anyItemWithNeighbours(ElasticsearchClient es) throws IOException {
        var hits =
                es.search(
                                s ->
                                        s.index("items")
                                                .size(1)
                                                .query(
                                                        q ->
                                                                q.nested(
                                                                        n ->
                                                                                n.path(
                                                                                                "similar_items")
                                                                                        .query(
                                                                                                m ->
                                                                                                        m
                                                                                                                .matchAll(
                                                                                                                        a ->
                                                                                                                                a))))
                                                .sort(
                                                        o ->
                                                                o.field(
                                                                        f ->
                                                                                f.field("views_30d")
                                                                                        .order(
                                                                                                SortOrder
                                                                                                        .Desc))),
                                ItemDocument.class)
                        .hits()
                        .hits();
        return hits.isEmpty() ? "item-1" : hits.get(0).id();
    }
}
