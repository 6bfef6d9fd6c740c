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
 * The search API: routes, error mapping and metrics wired onto Javalin. {@link #start} is what
 * {@code SearchApiMain} and an embedding application call; {@link #routes} builds the same app on a
 * client the caller owns.
 */
public final class SearchApi {

    private SearchApi() {}

    /** Connects to Elasticsearch and starts listening; close the result to stop both. */
    public static RunningSearchApi start(SearchApiConfig config) {
        return start(config, ErasureConfig.disabled());
    }

    /** The same, with erasure requests published to the job's Kafka topic. */
    public static RunningSearchApi start(SearchApiConfig config, ErasureConfig erasure) {
        ElasticsearchClient client = ElasticsearchClients.create(config.elasticsearch());
        ErasureLog erasureLog = ErasureLog.of(erasure);
        try {
            Javalin app =
                    routes(withTimeout(client, config.elasticsearchTimeout()), erasureLog)
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

    /** The app with every route, not started; erasure is refused (no Kafka). */
    public static Javalin routes(ElasticsearchClient client) {
        return routes(client, ErasureLog.NOT_CONFIGURED);
    }

    static Javalin routes(ElasticsearchClient client, ErasureLog erasureLog) {
        ItemSearches items = new ItemSearches(client);
        UserSearches users = new UserSearches(client);
        ApiMetrics metrics = new ApiMetrics();
        Javalin app =
                Javalin.create(
                        config -> {
                            config.showJavalinBanner = false;
                            config.jsonMapper(new JavalinJackson(ApiJson.MAPPER, false));
                            config.requestLogger.http(metrics::record);
                        });
        app.get("/api/v1/items/{id}/similar", new SimilarItemsHandler(items), ApiRole.READER);
        app.get(
                "/api/v1/users/{id}/recommendations",
                new RecommendationsHandler(items, users),
                ApiRole.READER);
        app.post(
                "/api/v1/audiences/lookalike",
                new LookalikeHandler(users, AudienceQuery.fromUsersMapping()),
                ApiRole.READER);
        app.delete(
                "/api/v1/users/{id}",
                new EraseUserHandler(erasureLog, new UserErasure(client), Clock.systemUTC()),
                ApiRole.ADMIN);
        app.get("/health", new HealthHandler(client), ApiRole.OPEN);
        app.get("/metrics", metrics::scrape, ApiRole.OPEN);
        app.get("/openapi.json", new OpenApiHandler(), ApiRole.OPEN);
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
