package io.github.clickstream.appliance.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The same services from the official images; skipped where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class DockerStackITCase {

    @Test
    void officialImagesServeTheSameApi() throws Exception {
        try (ContainerElasticsearch es = ContainerElasticsearch.start();
                ContainerKafkaBroker kafka = ContainerKafkaBroker.start()) {
            HttpResponse<String> health =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(es.httpUrl() + "/_cluster/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            kafka.createTopic("docker-smoke", 1);
        }
    }
}
