package io.github.clickstream.appliance.reliability;

import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.RawEventDeserializer;
import io.github.clickstream.appliance.jobs.ClickstreamJob;
import io.github.clickstream.appliance.jobs.JobConfig;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.kafka.common.TopicPartition;

/**
 * The production streaming job ({@link ClickstreamJob#wire}) on the MiniCluster, reading one topic:
 * either up to known end offsets (a bounded run that can be stopped and restored half-way), or
 * without end, with erasures from their topic. Automatic uids are switched off, so the job fails to
 * start if any operator lacks a fixed uid: savepoints depend on them.
 */
final class ProductionJob {

    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    private final String bootstrapServers;
    private final ElasticsearchConnection elasticsearch;
    private final String topic;
    private final String groupId;

    /**
     * {@code topic} also names the job's output topics, created here: a topic the Kafka sinks would
     * have to create first can stall them past their delivery timeout. {@code groupId} is the
     * consumer group the job commits its offsets to.
     */
    ProductionJob(
            KafkaBroker kafka,
            ElasticsearchConnection elasticsearch,
            String topic,
            String groupId) {
        this.bootstrapServers = kafka.bootstrapServers();
        this.elasticsearch = elasticsearch;
        this.topic = topic;
        this.groupId = groupId;
        kafka.createTopic(topic + "-dead-letters", 1);
        kafka.createTopic(topic + "-marketing-actions", 1);
    }

    /** The consumer group whose committed offsets show how far the job has read. */
    String groupId() {
        return groupId;
    }

    /**
     * Reads the topic from its start (or from the savepoint's offsets) up to {@code end}, then
     * finishes; {@code savepoint} null starts fresh.
     */
    JobClient startBounded(Map<TopicPartition, Long> end, int parallelism, String savepoint)
            throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        KafkaSource<RawEvent> upToEnd =
                KafkaSource.<RawEvent>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setTopics(topic)
                        .setGroupId(groupId())
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.offsets(end))
                        .setDeserializer(new RawEventDeserializer())
                        .build();
        ClickstreamJob.wire(env, config(true, topic + "-erasures"), upToEnd);
        StreamGraph graph = env.getStreamGraph();
        if (savepoint != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        }
        graph.setJobName(groupId);
        return env.executeAsync(graph);
    }

    /** Reads the topic without end and forgets the users named on {@code erasuresTopic}. */
    JobClient startStreaming(int parallelism, String erasuresTopic) throws Exception {
        StreamExecutionEnvironment env = environment(parallelism);
        ClickstreamJob.wire(env, config(false, erasuresTopic));
        return env.executeAsync(groupId);
    }

    private static StreamExecutionEnvironment environment(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }

    private JobConfig config(boolean bounded, String erasuresTopic) {
        return new JobConfig(
                bootstrapServers,
                topic,
                groupId(),
                topic + "-dead-letters",
                topic + "-models",
                topic + "-marketing-actions",
                bounded,
                CHECKPOINT_INTERVAL,
                ElasticsearchSinkConfig.defaults(elasticsearch),
                // a bounded input ends with a jump of the watermark: see RestartITCase on
                // re-scoring
                PipelineConfig.defaults().withoutInactivityRescoring(),
                erasuresTopic);
    }
}
