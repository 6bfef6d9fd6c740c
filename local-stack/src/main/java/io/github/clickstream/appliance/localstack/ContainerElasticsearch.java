package io.github.clickstream.appliance.localstack;

import org.testcontainers.elasticsearch.ElasticsearchContainer;

/** Elasticsearch from the official image, for machines with a Docker engine. */
public final class ContainerElasticsearch implements ElasticsearchNode {

    private final ElasticsearchContainer container;

    private ContainerElasticsearch(ElasticsearchContainer container) {
        this.container = container;
    }

    public static ContainerElasticsearch start() {
        ElasticsearchContainer container =
                new ElasticsearchContainer(
                                "docker.elastic.co/elasticsearch/elasticsearch:"
                                        + BuildInfo.get("elasticsearch.version"))
                        .withEnv("xpack.security.enabled", "false")
                        .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
        container.start();
        return new ContainerElasticsearch(container);
    }

    @Override
    public String httpUrl() {
        return "http://" + container.getHttpHostAddress();
    }

    @Override
    public void close() {
        container.stop();
    }
}
