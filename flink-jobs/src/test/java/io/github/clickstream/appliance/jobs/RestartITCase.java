package io.github.clickstream.appliance.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.JsonData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.ClickEventJson;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.RawEventDeserializer;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.localstack.ElasticsearchNode;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.localstack.LocalStackExtension;
import io.github.clickstream.appliance.mappings.ElasticsearchClients;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.pipeline.ClickstreamPipeline;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSink;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import io.github.clickstream.appliance.testing.AllDocuments;
import io.github.clickstream.appliance.testing.FlinkTesting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A task fails mid-stream after a checkpoint; Flink restores and replays from the checkpointed
 * Kafka offsets. With deterministic ids and flush-on-checkpoint, Elasticsearch ends up exactly as
 * after a run without the failure.
 */
@ExtendWith(LocalStackExtension.class)
class RestartITCase {

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTesting.miniCluster();

    private static final String TOPIC = "restart-clickstream";
    private static final Instant START = Instant.parse("2025-03-01T00:00:00Z");

    @Test
    void elasticsearchContentAfterARestoreEqualsAFailureFreeRun(
            ElasticsearchNode node, KafkaBroker kafka) throws Exception {
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(new GeneratorConfig(300, 200, 5, 11, START))
                .forEachRemaining(events::add);
        kafka.createTopic(TOPIC, 2);
        Fixtures.send(
                kafka.bootstrapServers(),
                TOPIC,
                events.stream().map(e -> new String(ClickEventJson.toJson(e))).toList());
        ElasticsearchConnection connection = ElasticsearchConnection.of(node.httpUrl());

        try (ElasticsearchClient es = ElasticsearchClients.create(connection)) {
            Map<String, JsonNode> clean = runAndSnapshot(es, connection, kafka, "clean", false);
            FailOnceAfterCheckpoint.FAILED.set(false);
            Map<String, JsonNode> restored =
                    runAndSnapshot(es, connection, kafka, "restored", true);

            assertThat(FailOnceAfterCheckpoint.FAILED).isTrue();
            assertThat(clean).hasSizeGreaterThan(500);
            assertThat(restored).isEqualTo(clean);
        }
    }

    private static Map<String, JsonNode> runAndSnapshot(
            ElasticsearchClient es,
            ElasticsearchConnection connection,
            KafkaBroker kafka,
            String groupId,
            boolean injectFailure)
            throws Exception {
        es.indices().delete(d -> d.index("sessions-2025.03", "users-v1").ignoreUnavailable(true));
        IndexSetup.apply(connection);
        Configuration conf = new Configuration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(300);
        // Daily re-scoring of inactive users is left out: a bounded input ends with a jump of the
        // watermark that the re-scoring ignores, so how many daily timers fire before it depends
        // on when the last periodic watermark was taken.
        PipelineConfig config = PipelineConfig.defaults().withoutInactivityRescoring();
        DataStream<RawEvent> raw =
                env.fromSource(
                        KafkaSource.<RawEvent>builder()
                                .setBootstrapServers(kafka.bootstrapServers())
                                .setTopics(TOPIC)
                                .setGroupId(groupId)
                                .setStartingOffsets(OffsetsInitializer.earliest())
                                .setBounded(OffsetsInitializer.latest())
                                .setDeserializer(new RawEventDeserializer())
                                .build(),
                        ClickstreamPipeline.eventTime(config),
                        "Kafka");
        if (injectFailure) {
            raw = raw.map(new FailOnceAfterCheckpoint()).name("Fail once");
        }
        ClickstreamPipeline.build(raw, config)
                .documentWrites()
                .sinkTo(new ElasticsearchSink(ElasticsearchSinkConfig.defaults(connection)));
        env.execute(groupId);
        es.indices().refresh(r -> r.index("sessions-2025.03", "users-v1"));
        Map<String, JsonNode> documents = new TreeMap<>();
        documents.putAll(snapshot(es, "sessions-2025.03", "session_id"));
        documents.putAll(snapshot(es, "users-v1", "user_id"));
        return documents;
    }

    /**
     * Every document of the index by id, as a JSON tree: field order depends on which partial
     * upsert reached a document first, so documents compare as trees, not as text.
     */
    private static Map<String, JsonNode> snapshot(
            ElasticsearchClient es, String index, String idField) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, JsonNode> documents = new TreeMap<>();
        for (Map.Entry<String, JsonData> document :
                AllDocuments.of(
                                es,
                                index,
                                Query.of(q -> q.matchAll(m -> m)),
                                idField,
                                JsonData.class)
                        .entrySet()) {
            documents.put(
                    index + "/" + document.getKey(),
                    mapper.readTree(document.getValue().toJson().toString()));
        }
        return documents;
    }
}
