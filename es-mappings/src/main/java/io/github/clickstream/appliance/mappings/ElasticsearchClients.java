package io.github.clickstream.appliance.mappings;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Builds an {@link ElasticsearchClient} from an {@link ElasticsearchConnection}: API key or basic
 * auth, TLS trusting a given CA certificate, and the document mapper of {@link Documents}. Close
 * the client's transport ({@code client._transport().close()}) when done.
 */
public final class ElasticsearchClients {

    private static final int MAX_CONNECTIONS = 100;

    private ElasticsearchClients() {}

    public static ElasticsearchClient create(ElasticsearchConnection connection) {
        RestClientBuilder builder = RestClient.builder(HttpHost.create(connection.url()));
        String authorization = authorization(connection);
        if (authorization != null) {
            builder.setDefaultHeaders(
                    new Header[] {new BasicHeader("Authorization", authorization)});
        }
        SSLContext tls = connection.caCertificate() == null ? null : tls(connection);
        builder.setHttpClientConfigCallback(
                http -> {
                    // the client's default of 10 connections queues a busy search API's calls
                    http.setMaxConnPerRoute(MAX_CONNECTIONS).setMaxConnTotal(MAX_CONNECTIONS);
                    // Credentials travel as a header on every request; the auth cache would only
                    // deserialize a copy of its basic scheme per request (5 % of the API's CPU).
                    http.disableAuthCaching();
                    if (tls != null) {
                        http.setSSLContext(tls);
                    }
                    return http;
                });
        return new ElasticsearchClient(
                new RestClientTransport(
                        builder.build(), new JacksonJsonpMapper(Documents.objectMapper())));
    }

    /** The Authorization header: the API key if there is one, else basic auth, else none. */
    static String authorization(ElasticsearchConnection connection) {
        if (connection.apiKey() != null && !connection.apiKey().isBlank()) {
            return "ApiKey " + connection.apiKey();
        }
        if (connection.username() != null) {
            String password = connection.password() == null ? "" : connection.password();
            return "Basic "
                    + Base64.getEncoder()
                            .encodeToString(
                                    (connection.username() + ":" + password)
                                            .getBytes(StandardCharsets.UTF_8));
        }
        return null;
    }

    private static SSLContext tls(ElasticsearchConnection connection) {
        try {
            return TransportUtils.sslContextFromHttpCaCrt(
                    new java.io.File(connection.caCertificate()));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(
                    "Cannot use CA certificate "
                            + connection.caCertificate()
                            + " (set --es-ca-cert to a PEM file): "
                            + e.getMessage(),
                    e);
        }
    }

    /** Turns a transport failure into a message that says what to do. */
    public static RuntimeException unreachable(ElasticsearchConnection connection, IOException e) {
        if (e instanceof ConnectException) {
            return new UncheckedIOException(
                    "Elasticsearch at "
                            + connection.url()
                            + " refused the connection; is it running? (set --es-url)",
                    e);
        }
        return new UncheckedIOException(
                "Elasticsearch at " + connection.url() + " failed: " + e.getMessage(), e);
    }
}
