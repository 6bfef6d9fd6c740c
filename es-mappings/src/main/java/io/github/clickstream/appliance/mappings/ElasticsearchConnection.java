package io.github.clickstream.appliance.mappings;

import java.io.Serializable;

/**
 * How to reach Elasticsearch: URL plus optional API key or user/password, and a CA certificate for
 * https with a private CA (a file path). Serializable so Flink operators can carry it, which is why
 * the path is a String: {@code java.nio.file.Path} is not serializable.
 */
public record ElasticsearchConnection(
        String url, String apiKey, String username, String password, String caCertificate)
        implements Serializable {

    public ElasticsearchConnection {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("Elasticsearch URL is missing (set --es-url)");
        }
    }

    /** No auth, no TLS: the local stack. */
    public static ElasticsearchConnection of(String url) {
        return new ElasticsearchConnection(url, null, null, null, null);
    }
}
