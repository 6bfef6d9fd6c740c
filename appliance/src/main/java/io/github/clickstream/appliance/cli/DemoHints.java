package io.github.clickstream.appliance.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What to try once the demo has data: API calls with real ids from the data just indexed (the
 * busiest shopper, a product with neighbours, the biggest segment, the running experiment), and a
 * first answer fetched through the API itself, so the newcomer sees it work before typing anything.
 */
final class DemoHints {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient es;
    private final String elasticsearchUrl;
    private final String api;
    private final String apiKey;

    DemoHints(ElasticsearchClient es, String elasticsearchUrl, String api, String apiKey) {
        this.es = es;
        this.elasticsearchUrl = elasticsearchUrl;
        this.api = api;
        this.apiKey = apiKey;
    }

    void print(PrintWriter out) throws IOException, InterruptedException {
        String user = first("users", "sessions_30d", null, "user-1");
        String item =
                first(
                        "items",
                        "views_30d",
                        Query.of(
                                q ->
                                        q.nested(
                                                n ->
                                                        n.path("similar_items")
                                                                .query(m -> m.matchAll(a -> a)))),
                        "item-1");
        String segment = mostCommon("users", "segment_name", "loyal");
        String experiment = mostCommon("sessions", "experiment", "checkout-2026");
        String audience =
                "{\"filter\":{\"segment\":[\"" + segment + "\"],\"churn_risk\":{\"gte\":0.5}}";
        List<ApiExample> examples =
                List.of(
                        new ApiExample(
                                "the busiest shopper: features, scores with reasons, segment",
                                "/api/v1/users/" + user,
                                null),
                        new ApiExample(
                                "what to show them next",
                                "/api/v1/users/" + user + "/recommendations?size=5",
                                null),
                        new ApiExample(
                                "what goes with a popular product",
                                "/api/v1/items/" + item + "/similar?size=5",
                                null),
                        new ApiExample(
                                "every segment: size, mean propensity and churn risk, revenue",
                                "/api/v1/segments",
                                null),
                        new ApiExample(
                                "shoppers of the biggest segment with churn risk >= 0.5",
                                "/api/v1/audiences/search",
                                audience + ",\"size\":5}"),
                        new ApiExample(
                                "the same audience as CSV, for an e-mail tool",
                                "/api/v1/audiences/export",
                                audience + "}"),
                        new ApiExample(
                                "the checkout experiment: conversion per variant, lift, chi-square",
                                "/api/v1/experiments/" + experiment,
                                null));
        out.println(
                "Try (the key is this run's admin key; " + api + "/docs lists every endpoint):");
        for (ApiExample example : examples) {
            out.println("  # " + example.what());
            out.println("  " + example.curl(api, apiKey));
        }
        out.println("  # records the pipeline could not use, with the reason (Elasticsearch)");
        out.println("  curl '" + elasticsearchUrl + "/dead-letters/_search?pretty&size=3'");
        HttpClient http = HttpClient.newHttpClient();
        List<String> failed = new ArrayList<>();
        for (ApiExample example : examples) {
            int status = send(http, example.request(api, apiKey)).statusCode();
            if (status != 200) {
                failed.add(example.path() + " answered " + status);
            }
        }
        out.println(
                failed.isEmpty()
                        ? "Checked: every API example above answered 200."
                        : "Some API examples failed: " + failed);
        out.println(recommended(http, user));
        out.flush();
    }

    /** One API call to try: printed as curl, and sent once to check it works. */
    record ApiExample(String what, String path, String body) {

        String curl(String api, String key) {
            String auth = "curl -H 'Authorization: Bearer " + key + "' ";
            return body == null
                    ? auth + "'" + api + path + "'"
                    : auth
                            + "-H 'content-type: application/json' '"
                            + api
                            + path
                            + "' -d '"
                            + body
                            + "'";
        }

        HttpRequest request(String api, String key) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(api + path))
                            .header("Authorization", "Bearer " + key)
                            .timeout(Duration.ofSeconds(30));
            return body == null
                    ? request.GET().build()
                    : request.header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
        }
    }

    /** What the API recommends to {@code user}, and from what ({@code personal} or popular). */
    private String recommended(HttpClient http, String user)
            throws IOException, InterruptedException {
        HttpResponse<String> response =
                send(
                        http,
                        new ApiExample(
                                        "",
                                        "/api/v1/users/" + user + "/recommendations?size=5",
                                        null)
                                .request(api, apiKey));
        if (response.statusCode() != 200) {
            return "Recommendations for " + user + " failed: HTTP " + response.statusCode();
        }
        JsonNode body = JSON.readTree(response.body());
        List<String> items = new ArrayList<>();
        body.path("items").forEach(i -> items.add(i.path("item_id").asText()));
        return "Recommended for "
                + user
                + " ("
                + body.path("source").asText()
                + ", through the API): "
                + (items.isEmpty() ? "nothing yet" : String.join(", ", items));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request)
            throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The id of the document with the largest {@code field}, among those matching. */
    private String first(String index, String field, Query query, String fallback)
            throws IOException {
        var hits =
                es.search(
                                s -> {
                                    s.index(index)
                                            .size(1)
                                            .source(src -> src.fetch(false))
                                            .sort(
                                                    o ->
                                                            o.field(
                                                                    f ->
                                                                            f.field(field)
                                                                                    .order(
                                                                                            SortOrder
                                                                                                    .Desc)));
                                    return query == null ? s : s.query(query);
                                },
                                Void.class)
                        .hits()
                        .hits();
        return hits.isEmpty() ? fallback : hits.get(0).id();
    }

    /** The most frequent value of a keyword field. */
    private String mostCommon(String index, String field, String fallback) throws IOException {
        List<StringTermsBucket> buckets =
                es.search(
                                s ->
                                        s.index(index)
                                                .size(0)
                                                .aggregations(
                                                        "top",
                                                        a -> a.terms(t -> t.field(field).size(1))),
                                Void.class)
                        .aggregations()
                        .get("top")
                        .sterms()
                        .buckets()
                        .array();
        return buckets.isEmpty() ? fallback : buckets.get(0).key().stringValue();
    }
}
