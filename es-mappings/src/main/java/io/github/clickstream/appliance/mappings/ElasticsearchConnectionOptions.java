package io.github.clickstream.appliance.mappings;

import picocli.CommandLine.Option;

/**
 * The {@code --es-*} options every command that talks to Elasticsearch shares (the job and the
 * command line), each with an environment variable.
 */
public final class ElasticsearchConnectionOptions {

    public static final String DEFAULT_URL = "http://localhost:9200";

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

    public ElasticsearchConnection toConnection() {
        return new ElasticsearchConnection(url, apiKey, user, password, caCertificate);
    }
}
