package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.api.ApiKeys;
import io.github.clickstream.appliance.api.ApiRole;
import io.github.clickstream.appliance.api.RunningSearchApi;
import io.github.clickstream.appliance.api.SearchApi;
import io.github.clickstream.appliance.api.SearchApiConfig;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The search API as the benchmarks run it: in-process on a free port, called with one admin key.
 */
final class BenchApi {

    private static final ApiKeys.NewKey KEY = ApiKeys.generate("bench", ApiRole.ADMIN);

    private BenchApi() {}

    static RunningSearchApi start(ElasticsearchConnection connection) {
        return SearchApi.start(SearchApiConfig.local(connection, ApiKeys.parse(keyConfigLine())));
    }

    /** The key as the API's {@code --api-keys} takes it. */
    static String keyConfigLine() {
        return KEY.configLine();
    }

    /** A request to the API, carrying the key. */
    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + KEY.token());
    }
}
