package io.github.clickstream.appliance.kibana;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.UserKeyedRecords;
import io.github.clickstream.appliance.events.generator.ClickstreamGenerator;
import io.github.clickstream.appliance.events.generator.GeneratorConfig;
import io.github.clickstream.appliance.jobs.ClickstreamJob;
import io.github.clickstream.appliance.jobs.JobConfig;
import io.github.clickstream.appliance.localstack.AcknowledgedSends;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.mappings.IndexSetup;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Fills Elasticsearch the way production does: a generated clickstream (plus a few malformed and
 * late events, so the pipeline-health panels have dead letters to show) goes through a Kafka topic
 * and a bounded run of the real job into the real indices.
 */
final class PipelineOutput {

    static final String TOPIC = "kibana-dashboards";
    static final int USERS = 300;
    static final int ITEMS = 200;
    static final int DAYS = 10;
    static final long SEED = 7;

    /** Malformed payloads: each becomes a dead letter (MALFORMED_JSON, MISSING_FIELD). */
    static final List<String> MALFORMED =
            List.of("{not json", "{\"event_type\":\"view\"}", "[1,2,3]");

    /** Late events: copies of the first events sent last, long after their sessions closed. */
    static final int LATE = 3;

    private PipelineOutput() {}

    /** Runs the job over the generated events; returns how many valid events were sent. */
    static int load(KafkaBroker kafka, ElasticsearchConnection es) throws Exception {
        List<ClickEvent> events = new ArrayList<>();
        new ClickstreamGenerator(GeneratorConfig.of(USERS, ITEMS, DAYS, SEED))
                .forEachRemaining(events::add);
        kafka.createTopic(TOPIC, 2);
        produce(kafka.bootstrapServers(), events);
        IndexSetup.apply(es);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        ClickstreamJob.wire(
                env,
                new JobConfig(
                        kafka.bootstrapServers(),
                        TOPIC,
                        "kibana-dashboards-test",
                        "kibana-dashboards-dead-letters",
                        "kibana-dashboards-models",
                        "kibana-dashboards-marketing-actions",
                        true,
                        Duration.ofSeconds(2),
                        ElasticsearchSinkConfig.defaults(es),
                        PipelineConfig.defaults()));
        env.execute("kibana dashboards");
        return events.size();
    }

    private static void produce(String bootstrap, List<ClickEvent> events) {
        List<ProducerRecord<byte[], byte[]>> records =
                new ArrayList<>(UserKeyedRecords.of(TOPIC, events));
        for (String payload : MALFORMED) {
            records.add(
                    new ProducerRecord<>(
                            TOPIC,
                            "bad".getBytes(StandardCharsets.UTF_8),
                            payload.getBytes(StandardCharsets.UTF_8)));
        }
        for (int i = 0; i < LATE; i++) {
            records.add(UserKeyedRecords.of(TOPIC, events.get(i).withEventId("late-" + i)));
        }
        AcknowledgedSends.send(bootstrap, records);
    }
}
