package io.github.clickstream.appliance.api;

import io.github.clickstream.appliance.api.DocumentedOperations.Operation;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of hostile requests for the API fuzzer: documented operations with random ids, query
 * parameters and JSON bodies full of query syntax, script payloads, Elasticsearch names and huge
 * numbers; and random paths and methods that only look like the API's. Every request gets one of
 * four credentials.
 */
final class HostileRequests {

    /** What the request presents as its key. */
    enum Key {
        NONE(null),
        FORGED("not-a-key-" + TestKeys.ADMIN_TOKEN),
        READER(TestKeys.READER_TOKEN),
        ADMIN(TestKeys.ADMIN_TOKEN);

        final String token;

        Key(String token) {
            this.token = token;
        }

        boolean valid() {
            return this == READER || this == ADMIN;
        }
    }

    /** One request; {@code operation} is the documented one it targets, or null. */
    record Request(String method, String pathAndQuery, String body, Key key, Operation operation) {
        @Override
        public String toString() {
            String shownBody =
                    body == null || body.length() < 300
                            ? body
                            : body.substring(0, 300) + "... (" + body.length() + " chars)";
            return method + " " + pathAndQuery + " key=" + key + " body=" + shownBody;
        }
    }

    /** Bodies over the API's 256 KiB limit. */
    static final int HUGE_BODY = 300 * 1024;

    private static final List<String> QUERY_SYNTAX =
            List.of(
                    "*",
                    "*:*",
                    "user_id:*",
                    "_exists_:churn_risk",
                    "a OR b AND NOT c",
                    "/.*/",
                    "churn_risk:[0 TO *]",
                    "x~2",
                    "a^1000",
                    "{\"match_all\":{}}",
                    "{\"script\":{\"source\":\"1\"}}",
                    "\" OR \"\"=\"",
                    "'; DROP TABLE users; --");
    private static final List<String> SCRIPTS =
            List.of(
                    "doc['churn_risk'].value",
                    "ctx._source.churn_risk = 1",
                    "params._source",
                    "java.lang.Runtime.getRuntime().exec('id')",
                    "{{#toJson}}_source{{/toJson}}",
                    "${jndi:ldap://127.0.0.1/a}",
                    "<script>alert(1)</script>");
    private static final List<String> NUMBERS =
            List.of(
                    "0",
                    "-1",
                    "1.5",
                    "1e309",
                    "-1e309",
                    "NaN",
                    "Infinity",
                    "-0",
                    "2147483648",
                    "9223372036854775808",
                    "99999999999999999999999999",
                    "0x10",
                    " 7",
                    "1000000000000");
    private static final List<String> ELASTICSEARCH_NAMES =
            List.of(
                    "_all",
                    "_search",
                    "_doc",
                    "_id",
                    "_source",
                    "users,items",
                    "users-*",
                    ".kibana",
                    "..",
                    "user_vector",
                    "reasons.feature",
                    "__proto__");
    private static final List<String> PARAMETER_NAMES =
            List.of(
                    "size",
                    "from",
                    "category",
                    "brand",
                    "min_price",
                    "max_price",
                    "include",
                    "control",
                    "min_lift",
                    "format",
                    "q",
                    "query",
                    "script",
                    "sort",
                    "_source",
                    "pretty",
                    "error_trace");
    private static final List<String> PATH_WORDS =
            List.of(
                    "api",
                    "v1",
                    "v2",
                    "users",
                    "items",
                    "similar",
                    "recommendations",
                    "segments",
                    "audiences",
                    "search",
                    "export",
                    "lookalike",
                    "experiments",
                    "health",
                    "metrics",
                    "openapi.json",
                    "docs",
                    "webjars",
                    "_search",
                    "..",
                    ".",
                    "",
                    "%2e%2e",
                    "%252e",
                    "admin",
                    "_cat",
                    "indices");
    private static final List<String> METHODS =
            List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");

    private HostileRequests() {}

    /** A documented operation called with hostile ids, parameters and bodies. */
    static Arbitrary<Request> documented(List<Operation> operations) {
        return Combinators.combine(
                        Arbitraries.of(operations),
                        encoded(text(600)),
                        query(),
                        body(),
                        Arbitraries.of(Key.class))
                .as(
                        (operation, id, query, body, key) ->
                                new Request(
                                        operation.method(),
                                        operation.pathWith(id) + query,
                                        operation.method().equals("GET") ? null : body,
                                        key,
                                        operation));
    }

    /** Any method on paths made of the API's words and junk. */
    static Arbitrary<Request> undocumented() {
        Arbitrary<String> segment =
                Arbitraries.frequencyOf(
                        Tuple.of(3, Arbitraries.of(PATH_WORDS)), Tuple.of(1, encoded(text(40))));
        Arbitrary<String> path =
                segment.list()
                        .ofMinSize(1)
                        .ofMaxSize(7)
                        .map(parts -> "/" + String.join("/", parts));
        return Combinators.combine(
                        Arbitraries.of(METHODS),
                        path,
                        query(),
                        body().injectNull(0.3),
                        Arbitraries.of(Key.class))
                .as(
                        (method, p, query, body, key) ->
                                new Request(
                                        method,
                                        p + query,
                                        method.equals("GET") || method.equals("HEAD") ? null : body,
                                        key,
                                        null));
    }

    /** Free text: printable ASCII, any Unicode, or one of the hostile lists. */
    private static Arbitrary<String> text(int maxLength) {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ascii().ofMaxLength(maxLength)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(Math.min(maxLength, 60))),
                Tuple.of(2, Arbitraries.of(QUERY_SYNTAX)),
                Tuple.of(1, Arbitraries.of(SCRIPTS)),
                Tuple.of(1, Arbitraries.of(NUMBERS)),
                Tuple.of(1, Arbitraries.of(ELASTICSEARCH_NAMES)));
    }

    private static Arbitrary<String> encoded(Arbitrary<String> text) {
        return text.map(t -> URLEncoder.encode(t, StandardCharsets.UTF_8).replace("+", "%20"));
    }

    /** Zero to four parameters, known or not, with hostile values. */
    private static Arbitrary<String> query() {
        Arbitrary<String> name =
                Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.of(PARAMETER_NAMES)),
                        Tuple.of(1, encoded(text(20))));
        Arbitrary<String> value = encoded(text(300));
        return Combinators.combine(name, value)
                .as((n, v) -> n + "=" + v)
                .list()
                .ofMaxSize(4)
                .map(pairs -> pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    }

    /** JSON the API understands in shape but not in content, random JSON, broken JSON, or huge. */
    static Arbitrary<String> body() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, audienceLike()),
                Tuple.of(3, json(4)),
                Tuple.of(1, broken()),
                Tuple.of(1, deep()),
                Tuple.of(1, huge()));
    }

    private static Arbitrary<String> audienceLike() {
        Arbitrary<String> field =
                Arbitraries.frequencyOf(
                        Tuple.of(
                                3,
                                Arbitraries.of(
                                        "churn_risk",
                                        "purchase_propensity",
                                        "segment_name",
                                        "last_seen",
                                        "orders_lifetime",
                                        "user_id")),
                        Tuple.of(1, Arbitraries.of(ELASTICSEARCH_NAMES)),
                        Tuple.of(1, text(30)));
        Arbitrary<String> condition =
                Combinators.combine(field, json(2))
                        .as((f, c) -> quote(f) + ":" + c)
                        .list()
                        .ofMaxSize(3)
                        .map(c -> "{" + String.join(",", c) + "}");
        Arbitrary<String> seeds =
                text(40).map(HostileRequests::quote)
                        .list()
                        .ofMaxSize(20)
                        .map(s -> "[" + String.join(",", s) + "]");
        Arbitrary<String> topKey =
                Arbitraries.of(
                        "query",
                        "seed_users",
                        "segment",
                        "size",
                        "page",
                        "cursor",
                        "fields",
                        "script",
                        "sort",
                        "aggs",
                        "_source");
        Arbitrary<String> topValue =
                Arbitraries.oneOf(
                        condition,
                        seeds,
                        Arbitraries.of(NUMBERS),
                        text(50).map(HostileRequests::quote));
        return Combinators.combine(topKey, topValue)
                .as((k, v) -> quote(k) + ":" + v)
                .list()
                .ofMaxSize(4)
                .map(entries -> "{" + String.join(",", entries) + "}");
    }

    /** Random well-formed JSON up to {@code depth} levels. */
    private static Arbitrary<String> json(int depth) {
        Arbitrary<String> leaf =
                Arbitraries.oneOf(
                        text(40).map(HostileRequests::quote),
                        Arbitraries.of(NUMBERS).filter(n -> n.matches("-?[0-9.e]+")),
                        Arbitraries.of("true", "false", "null"));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> array =
                Arbitraries.lazy(() -> json(depth - 1))
                        .list()
                        .ofMaxSize(4)
                        .map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object =
                Combinators.combine(text(20), Arbitraries.lazy(() -> json(depth - 1)))
                        .as((k, v) -> quote(k) + ":" + v)
                        .list()
                        .ofMaxSize(4)
                        .map(entries -> "{" + String.join(",", entries) + "}");
        return Arbitraries.frequencyOf(Tuple.of(2, leaf), Tuple.of(1, array), Tuple.of(1, object));
    }

    private static Arbitrary<String> broken() {
        return Arbitraries.oneOf(
                json(3).map(j -> j.substring(0, j.length() / 2)),
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("", "{", "}", "[", "{\"a\":}", "{'a':1}", "{\"a\":1}}", "\u0000"));
    }

    /** Nesting deeper than any parser should follow. */
    private static Arbitrary<String> deep() {
        return Arbitraries.integers()
                .between(100, 5_000)
                .map(n -> "{\"query\":" + "[".repeat(n) + "]".repeat(n) + "}");
    }

    private static Arbitrary<String> huge() {
        return Arbitraries.of(
                "{\"seed_users\":[" + ("\"u\",".repeat(HUGE_BODY / 4)) + "\"u\"]}",
                "{\"segment\":\"" + "x".repeat(HUGE_BODY) + "\"}");
    }

    /** A JSON string literal of {@code text}, escaped with Jackson's rules. */
    private static String quote(String text) {
        return text.chars()
                .mapToObj(
                        c ->
                                switch (c) {
                                    case '"' -> "\\\"";
                                    case '\\' -> "\\\\";
                                    default ->
                                            c < 0x20
                                                    ? String.format("\\u%04x", c)
                                                    : String.valueOf((char) c);
                                })
                .collect(Collectors.joining("", "\"", "\""));
    }
}
