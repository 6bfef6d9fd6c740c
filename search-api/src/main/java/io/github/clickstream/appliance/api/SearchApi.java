package io.github.clickstream.appliance.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientOptions;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.UserErasure;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.time.Duration;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.RequestOptions;

/**
 * The search API: routes, auth, error mapping and metrics wired onto Javalin. {@link #start} is
 * what {@code SearchApiMain}, the demo and an embedding application call.
 */
public final class SearchApi {

    /** Request bodies are small JSON filters and seed lists; anything larger is refused (413). */
    static final long MAX_REQUEST_BYTES = 256 * 1024;

    private SearchApi() {}

    /** Connects to Elasticsearch and starts listening; close the result to stop both. */
    public static RunningSearchApi start(SearchApiConfig config) {
        ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch());
        ErasureLog erasureLog = ErasureLog.of(config.erasure());
        try {
            Javalin app =
                    routes(
                                    withTimeout(client, config.elasticsearchTimeout()),
                                    config.apiKeys(),
                                    config.limits(),
                                    erasureLog)
                            .events(e -> e.serverStopped(erasureLog::close))
                            .start(config.host(), config.port());
            return new RunningSearchApi(app, client, config.host());
        } catch (RuntimeException e) {
            erasureLog.close();
            try {
                client.close();
            } catch (Exception closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * The app with every route, not started: {@code keys} are the API keys it accepts, {@code
     * limits} the page and export caps, {@code erasureLog} where erasures are announced.
     */
    static Javalin routes(
            ElasticsearchClient client, ApiKeys keys, ApiLimits limits, ErasureLog erasureLog) {
        ItemSearches items = new ItemSearches(client);
        UserSearches users = new UserSearches(client);
        AudienceQuery audienceQuery = AudienceQuery.fromUsersMapping();
        ApiMetrics metrics = new ApiMetrics();
        AccessLog accessLog = new AccessLog();
        Javalin app =
                Javalin.create(
                        config -> {
                            config.showJavalinBanner = false;
                            config.staticFiles.enableWebjars();
                            config.http.maxRequestSize = MAX_REQUEST_BYTES;
                            config.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
                            config.requestLogger.http(
                                    (ctx, millis) -> {
                                        metrics.record(ctx, millis);
                                        accessLog.record(ctx, millis);
                                    });
                        });
        app.beforeMatched(new ApiKeyAuth(keys));
        app.get("/api/v1/items/{id}/similar", new SimilarItemsHandler(items), ApiRole.READER);
        app.get(
                "/api/v1/users/{id}/recommendations",
                new RecommendationsHandler(
                        items, new CachedItemVectors(items, metrics.registry()), users),
                ApiRole.READER);
        app.post(
                "/api/v1/audiences/lookalike",
                new LookalikeHandler(users, audienceQuery),
                ApiRole.READER);
        app.get(
                "/api/v1/experiments/{id}",
                new ExperimentHandler(new ExperimentSearches(client)),
                ApiRole.READER);
        app.get("/api/v1/users/{id}", new UserProfileHandler(users), ApiRole.READER);
        app.get(
                "/api/v1/segments",
                new SegmentsHandler(new SegmentStatistics(client)),
                ApiRole.READER);
        AudienceSearches audiences = new AudienceSearches(client);
        app.post(
                "/api/v1/audiences/search",
                new AudienceSearchHandler(audiences, audienceQuery, limits.maxPageSize()),
                ApiRole.READER);
        app.post(
                "/api/v1/audiences/export",
                new AudienceExportHandler(audiences, audienceQuery, limits),
                ApiRole.ADMIN);
        app.delete(
                "/api/v1/users/{id}",
                new EraseUserHandler(erasureLog, new UserErasure(client), Clock.systemUTC()),
                ApiRole.ADMIN);
        app.get("/health", new HealthHandler(client), ApiRole.OPEN);
        app.get("/metrics", metrics::scrape, ApiRole.OPEN);
        app.get("/openapi.json", new OpenApiHandler(), ApiRole.OPEN);
        app.get("/docs", new DocsPageHandler(), ApiRole.OPEN);
        ErrorMapper.register(app);
        return app;
    }

    /**
     * The same client with connect and socket timeouts on every request, so a slow or hung
     * Elasticsearch turns into a 503 instead of a request that never ends.
     */
    static ElasticsearchClient withTimeout(ElasticsearchClient client, Duration timeout) {
        int millis = Math.toIntExact(timeout.toMillis());
        RestClientOptions.Builder options =
                client._transportOptions() instanceof RestClientOptions current
                        ? current.toBuilder()
                        : new RestClientOptions.Builder(RequestOptions.DEFAULT.toBuilder());
        options.restClientRequestOptionsBuilder()
                .setRequestConfig(
                        RequestConfig.custom()
                                .setConnectTimeout(millis)
                                .setSocketTimeout(millis)
                                .setConnectionRequestTimeout(millis)
                                .build());
        return client.withTransportOptions(options.build());
    }
}
