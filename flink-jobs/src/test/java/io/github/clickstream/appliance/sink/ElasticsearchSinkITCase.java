package io.github.clickstream.appliance.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.DeadLetterDocument;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(LocalStackExtension.class)
class ElasticsearchSinkITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    @Test
    void poisonDocumentIsDeadLetteredWhileTheRestOfItsBulkIsIndexed(ElasticsearchNode node)
            throws Exception {
        ElasticsearchConnection connection = ElasticsearchConnection.of(node.httpUrl());
        IndexSetup.apply(connection);
        try (ElasticsearchClient es = ElasticsearchClients.create(connection)) {
            es.indices()
                    .create(
                            c ->
                                    c.index("strict-things")
                                            .withJson(
                                                    new StringReader(
                                                            "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"n\":{\"type\":\"integer\"}}}}")));
            List<DocumentWrite> writes = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                writes.add(write("t" + i, "{\"n\":" + i + "}"));
            }
            writes.add(1_000, write("poison", "{\"n\":1,\"colour\":\"red\"}"));
            // the same ids again: replays overwrite, they do not duplicate
            writes.addAll(writes.subList(0, 500));

            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
            env.setParallelism(2);
            env.fromData(writes)
                    .sinkTo(new ElasticsearchSink(ElasticsearchSinkConfig.defaults(connection)));
            env.execute("poison document");

            es.indices().refresh(r -> r.index("strict-things", "dead-letters"));
            assertThat(es.count(c -> c.index("strict-things")).count()).isEqualTo(2_000);
            SearchResponse<DeadLetterDocument> dead =
                    es.search(
                            s ->
                                    s.index("dead-letters")
                                            .query(
                                                    q ->
                                                            q.term(
                                                                    t ->
                                                                            t.field("source")
                                                                                    .value(
                                                                                            "elasticsearch-sink:strict-things"))),
                            DeadLetterDocument.class);
            assertThat(dead.hits().hits()).hasSize(1);
            DeadLetterDocument letter = dead.hits().hits().get(0).source();
            assertThat(letter.reason()).isEqualTo("INDEXING_REJECTED");
            assertThat(letter.detail()).contains("strict_dynamic_mapping_exception");
            assertThat(letter.rawPayload()).isEqualTo("{\"n\":1,\"colour\":\"red\"}");
        }
    }

    @Test
    void unreachableElasticsearchFailsTheJobWithAMessageThatSaysWhatToDo() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ElasticsearchSinkConfig config =
                ElasticsearchSinkConfig.defaults(
                                ElasticsearchConnection.of("http://127.0.0.1:" + closedPort))
                        .withRetries(2, Duration.ofMillis(10));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromData(List.of(write("a", "{\"n\":1}"))).sinkTo(new ElasticsearchSink(config));

        assertThatThrownBy(() -> env.execute("unreachable"))
                .hasStackTraceContaining("refused the connection; is it running? (set --es-url)");
    }

    private static DocumentWrite write(String id, String json) {
        return new DocumentWrite(DocumentWrite.Action.INDEX, "strict-things", id, json);
    }
}
