package io.github.clickstream.appliance.jobs;

import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import java.io.Serializable;
import java.time.Duration;

/**
 * Everything the streaming job needs: where to read (Kafka), where to write (Elasticsearch and the
 * dead-letter topic), checkpointing, and the pipeline's own settings. {@code bounded} stops at the
 * offsets that were latest when the job started (replays and tests). Erasures (users to forget)
 * come from {@code erasuresTopic}; a bounded run reads none.
 */
public record JobConfig(
        String kafkaBootstrapServers,
        String topic,
        String groupId,
        String deadLetterTopic,
        String modelsTopic,
        String marketingActionsTopic,
        boolean bounded,
        Duration checkpointInterval,
        ElasticsearchSinkConfig elasticsearch,
        PipelineConfig pipeline,
        String erasuresTopic)
        implements Serializable {

    public static final String DEFAULT_KAFKA = "kafka:9092";
    public static final String DEFAULT_TOPIC = "clickstream";
    public static final String DEFAULT_GROUP_ID = "clickstream-appliance";
    public static final String DEFAULT_DEAD_LETTER_TOPIC = "clickstream-dead-letters";
    public static final String DEFAULT_MODELS_TOPIC = "models";
    public static final String DEFAULT_MARKETING_ACTIONS_TOPIC = "marketing-actions";
    public static final String DEFAULT_ERASURES_TOPIC = "erasures";
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(10);
    public static final String DEFAULT_ES_URL = "http://elasticsearch:9200";

    /** The same with erasures from the default topic. */
    public JobConfig(
            String kafkaBootstrapServers,
            String topic,
            String groupId,
            String deadLetterTopic,
            String modelsTopic,
            String marketingActionsTopic,
            boolean bounded,
            Duration checkpointInterval,
            ElasticsearchSinkConfig elasticsearch,
            PipelineConfig pipeline) {
        this(
                kafkaBootstrapServers,
                topic,
                groupId,
                deadLetterTopic,
                modelsTopic,
                marketingActionsTopic,
                bounded,
                checkpointInterval,
                elasticsearch,
                pipeline,
                DEFAULT_ERASURES_TOPIC);
    }
}
