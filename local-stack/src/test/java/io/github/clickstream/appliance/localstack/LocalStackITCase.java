package io.github.clickstream.appliance.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalStackITCase {

    @Test
    void startsBothServicesAndStopsEveryProcessOnClose() throws Exception {
        long esPid;
        long kafkaPid;
        try (LocalStack stack = LocalStack.start()) {
            HttpResponse<String> health =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            stack.elasticsearch().httpUrl()
                                                                    + "/_cluster/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).containsAnyOf("\"green\"", "\"yellow\"");
            stack.kafka().createTopic("smoke", 1);

            esPid = ((LocalElasticsearch) stack.elasticsearch()).pid();
            kafkaPid = ((LocalKafkaBroker) stack.kafka()).pid();
            assertThat(ProcessHandle.of(esPid).map(ProcessHandle::isAlive)).contains(true);
        }
        assertThat(alive(esPid)).isFalse();
        assertThat(alive(kafkaPid)).isFalse();
    }

    private static boolean alive(long pid) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        return handle.isPresent() && handle.get().isAlive();
    }
}
