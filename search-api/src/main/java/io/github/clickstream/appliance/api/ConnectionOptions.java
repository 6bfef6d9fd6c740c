package io.github.clickstream.appliance.api;

import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import picocli.CommandLine.Option;

/** The {@code --es-*} options of the search API, each with an environment variable. */
final class ConnectionOptions {

    static final String DEFAULT_URL = "http://localhost:9200";

    @Option(
            names = "--es-url",
            defaultValue = "${env:ES_URL:-" + DEFAULT_URL + "}",
            description = "Elasticsearch URL (env ES_URL). Default: ${DEFAULT-VALUE}")
    String url;

    @Option(
            names = "--es-api-key",
            defaultValue = "${env:ES_API_KEY}",
            description = "API key, base64 id:key as Elasticsearch returns it (env ES_API_KEY)")
    String apiKey;

    @Option(
            names = "--es-user",
            defaultValue = "${env:ES_USER}",
            description = "User for basic auth (env ES_USER)")
    String user;

    @Option(
            names = "--es-password",
            defaultValue = "${env:ES_PASSWORD}",
            description = "Password for basic auth (env ES_PASSWORD)")
    String password;

    @Option(
            names = "--es-ca-cert",
            defaultValue = "${env:ES_CA_CERT}",
            description = "PEM CA certificate to trust for https (env ES_CA_CERT)")
    String caCertificate;

    ElasticsearchConnection toConnection() {
        return new ElasticsearchConnection(url, apiKey, user, password, caCertificate);
    }
}
