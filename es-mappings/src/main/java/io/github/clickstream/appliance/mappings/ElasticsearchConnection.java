package io.github.clickstream.appliance.mappings;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * How to reach Elasticsearch: URL plus optional API key or user/password, and a CA certificate for
 * https with a private CA. Serializable so Flink operators can carry it.
 */
public record ElasticsearchConnection(
        String url, String apiKey, String username, String password, Path caCertificate)
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
