package io.github.clickstream.appliance.localstack;

/**
 * A running Elasticsearch that tests and the demo talk to over HTTP. Implemented by {@link
 * LocalElasticsearch} (the distribution from Maven Central as a child process) and, where a Docker
 * engine exists, by {@link ContainerElasticsearch}.
 */
public interface ElasticsearchNode extends AutoCloseable {

    /** Base URL without a trailing slash, e.g. {@code http://127.0.0.1:54321}. */
    String httpUrl();

    @Override
    void close();
}
