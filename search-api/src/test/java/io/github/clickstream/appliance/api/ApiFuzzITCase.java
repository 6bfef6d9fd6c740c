package io.github.clickstream.appliance.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.clickstream.appliance.api.DocumentedOperations.Operation;
import io.github.clickstream.appliance.api.HostileRequests.Key;
import io.github.clickstream.appliance.api.HostileRequests.Request;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.ElasticsearchOptions;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.KafkaOptions;
import io.github.clickstream.appliance.localstack.LocalStack;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Scenario 9 of the reliability suite (docs/reliability.md): a property-based fuzzer sends
 * generated hostile requests to the running API over HTTP. Whatever comes in, the API never answers
 * 5xx, never shows Elasticsearch or Java internals, and never lets a caller past its role. CI runs
 * {@code jqwik.tries.default} tries per property (junit-platform.properties); the documented run
 * sets {@code -Djqwik.tries.default=50000}, 100,000 requests in all.
 */
class ApiFuzzITCase {

    /** Paths that answer without a key: the open operations and the docs page's assets. */
    private static final Set<String> OPEN_PREFIXES =
            Set.of("/health", "/metrics", "/openapi.json", "/docs", "/webjars");

    private static ElasticsearchNode elasticsearch;
    private static KafkaBroker kafka;
    private static RunningSearchApi api;
    private static ApiTestClient client;
    private static List<Operation> operations;

    @BeforeContainer
    static void start() throws Exception {
        // jqwik does not run JUnit Jupiter extensions, so this class starts its own node.
        elasticsearch = LocalStack.startElasticsearch(ElasticsearchOptions.defaults());
        // A broker too, so erasure is configured: its DELETE must keep its promises as well.
        kafka = LocalStack.startKafka(KafkaOptions.defaults());
        ElasticsearchConnection connection = ElasticsearchConnection.of(elasticsearch.httpUrl());
        Fixtures.index(
                connection,
                List.of(Fixtures.item("fuzz-item", "c", "b", 1, Fixtures.vector(62, 63, 0.1))),
                List.of(Fixtures.user("fuzz-user", Fixtures.vector(62, 63, 0.2))));
        // A generous Elasticsearch timeout: a 503 from a slow, busy test machine is not a finding.
        api =
                SearchApi.start(
                        new SearchApiConfig(
                                "127.0.0.1",
                                0,
                                connection,
                                Duration.ofSeconds(30),
                                TestKeys.KEYS,
                                ApiLimits.DEFAULTS,
                                ErasureConfig.kafka(kafka.bootstrapServers())));
        client = new ApiTestClient(api.url(), false);
        operations = DocumentedOperations.of(client);
    }

    @AfterContainer
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (elasticsearch != null) {
            elasticsearch.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Property
    void documentedOperationsWithHostileInputKeepTheirPromises(
            @ForAll("documented") Request request) {
        ApiTestClient.Response response = send(request);
        if (response == null) {
            return;
        }

        assertNoServerErrorNorLeak(request, response);
        Operation operation = request.operation();
        if (!routed(response)) {
            // e.g. an empty id: no operation ran, so there was nothing to guard
            assertThat(response.status()).as("%s", request).isGreaterThanOrEqualTo(400);
        } else if (operation.open()) {
            assertThat(response.status()).as("%s", request).isNotIn(401, 403);
        } else if (!request.key().valid()) {
            assertThat(response.status()).as("%s: %s", request, response.body()).isEqualTo(401);
        } else if (operation.role().equals("admin") && request.key() == Key.READER) {
            assertThat(response.status()).as("%s: %s", request, response.body()).isEqualTo(403);
        } else {
            assertThat(response.status()).as("%s: %s", request, response.body()).isNotIn(401, 403);
        }
    }

    @Property
    void undocumentedPathsAndMethodsGiveNothingAway(@ForAll("undocumented") Request request) {
        ApiTestClient.Response response = send(request);
        if (response == null) {
            return;
        }

        assertNoServerErrorNorLeak(request, response);
        String path = request.pathAndQuery().split("\\?", 2)[0].toLowerCase(java.util.Locale.ROOT);
        boolean open =
                OPEN_PREFIXES.stream().anyMatch(path::startsWith)
                        && !path.contains("..")
                        && !path.contains("%2e");
        if (!request.key().valid() && !open) {
            assertThat(response.status())
                    .as("%s answered without a key: %s", request, response.body())
                    .isGreaterThanOrEqualTo(400);
        }
    }

    @Provide
    Arbitrary<Request> documented() {
        return HostileRequests.documented(operations);
    }

    @Provide
    Arbitrary<Request> undocumented() {
        return HostileRequests.undocumented();
    }

    /**
     * False when the request never reached an operation: the API's "No endpoint" 404, or the HTTP
     * layer's own 400 for a URI it will not route (e.g. an encoded NUL), which is not JSON.
     */
    private static boolean routed(ApiTestClient.Response response) {
        boolean noEndpoint =
                response.status() == 404
                        && response.json() != null
                        && response.errorMessage().startsWith("No endpoint");
        boolean refusedByHttpLayer = response.status() == 400 && response.json() == null;
        return !noEndpoint && !refusedByHttpLayer;
    }

    /**
     * The response, or null when an oversized request was cut off: refusing it (413, or 400 for a
     * path it will not route), the HTTP server may answer and close the connection before the
     * client has sent the whole body, so the client sees no answer at all.
     */
    private static ApiTestClient.Response send(Request request) {
        try {
            return client.withToken(request.key().token)
                    .request(request.method(), request.pathAndQuery(), request.body());
        } catch (IllegalStateException noAnswer) {
            if (request.body() != null && request.body().length() > SearchApi.MAX_REQUEST_BYTES) {
                return null;
            }
            throw noAnswer;
        }
    }

    private static void assertNoServerErrorNorLeak(
            Request request, ApiTestClient.Response response) {
        assertThat(response.status()).as("%s: %s", request, response.body()).isLessThan(500);
        // The API's own documents and metrics describe it (types, paths) by design.
        if (OPEN_PREFIXES.stream().noneMatch(request.pathAndQuery()::startsWith)) {
            assertThat(ResponseLeaks.in(response.body(), request.toString() + request.body()))
                    .as("%s leaked internals: %s", request, response.body())
                    .isEmpty();
        }
    }
}
