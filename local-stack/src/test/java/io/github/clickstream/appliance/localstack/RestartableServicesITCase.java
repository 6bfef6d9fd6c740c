package io.github.clickstream.appliance.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A stopped node or broker comes back on the same address with its data, as the outage tests need;
 * extra node settings reach Elasticsearch.
 */
class RestartableServicesITCase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void elasticsearchStartedAgainKeepsItsPortDataAndSettings() throws Exception {
        try (LocalElasticsearch node =
                LocalElasticsearch.start(
                        ElasticsearchOptions.defaults()
                                .withSetting("thread_pool.write.queue_size", "3"))) {
            String url = node.httpUrl();
            assertThat(call("PUT", url + "/kept/_doc/1?refresh=true", "{\"n\":1}"))
                    .contains("\"created\"");

            node.stop();
            assertThatThrownBy(() -> call("GET", url + "/", null)).isInstanceOf(IOException.class);
            node.startAgain();

            assertThat(node.httpUrl()).isEqualTo(url);
            assertThat(call("GET", url + "/kept/_doc/1", null)).contains("\"found\":true");
            assertThat(call("GET", url + "/_nodes/settings?filter_path=**.thread_pool", null))
                    .contains("\"queue_size\":\"3\"");
        }
    }

    @Test
    void kafkaStartedAgainKeepsItsPortAndTopics() {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(KafkaOptions.defaults())) {
            String bootstrap = broker.bootstrapServers();
            broker.createTopic("kept", 1);
            send(bootstrap, "before");

            broker.stop();
            broker.startAgain();
            send(bootstrap, "after");

            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(readAll(bootstrap, 2)).containsExactly("before", "after");
        }
    }

    private static String call(String method, String url, String json) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .method(
                                method,
                                json == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static void send(String bootstrap, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kept", value));
            producer.flush();
        }
    }

    private static List<String> readAll(String bootstrap, int expected) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "restartable-services");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("kept"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
