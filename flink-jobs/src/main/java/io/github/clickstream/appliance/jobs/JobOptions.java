package io.github.clickstream.appliance.jobs;

import io.github.clickstream.appliance.events.ParserLimits;
import io.github.clickstream.appliance.features.FeatureWindows;
import io.github.clickstream.appliance.mappings.ElasticsearchConnectionOptions;
import io.github.clickstream.appliance.models.ModelLimits;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.scoring.ScoringConfig;
import io.github.clickstream.appliance.similarity.SimilarityConfig;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The streaming job's command-line options ({@code --kebab-case}, each with an environment
 * variable), turned into a {@link JobConfig}. Defaults match the docker stack's host names.
 */
@Command(name = "clickstream-job", mixinStandardHelpOptions = true)
public final class JobOptions {

    @Option(
            names = "--kafka-bootstrap",
            defaultValue = "${env:KAFKA_BOOTSTRAP:-" + JobConfig.DEFAULT_KAFKA + "}",
            description =
                    "Kafka bootstrap servers (env KAFKA_BOOTSTRAP). Default: ${DEFAULT-VALUE}")
    String kafkaBootstrap;

    @Option(
            names = "--topic",
            defaultValue = "${env:CLICKSTREAM_TOPIC:-" + JobConfig.DEFAULT_TOPIC + "}",
            description = "Input topic (env CLICKSTREAM_TOPIC). Default: ${DEFAULT-VALUE}")
    String topic;

    @Option(
            names = "--group-id",
            defaultValue = JobConfig.DEFAULT_GROUP_ID,
            description = "Kafka consumer group. Default: ${DEFAULT-VALUE}")
    String groupId;

    @Option(
            names = "--dead-letter-topic",
            defaultValue = JobConfig.DEFAULT_DEAD_LETTER_TOPIC,
            description = "Topic for records the job cannot use. Default: ${DEFAULT-VALUE}")
    String deadLetterTopic;

    @Option(
            names = "--bounded",
            description = "Stop at the offsets that are latest when the job starts")
    boolean bounded;

    @Option(
            names = "--checkpoint-interval",
            defaultValue = "PT10S",
            description =
                    "Checkpoint (and Elasticsearch flush) interval. Default: ${DEFAULT-VALUE}")
    Duration checkpointInterval;

    @Option(
            names = "--session-gap",
            defaultValue = "PT30M",
            description = "Inactivity that ends a session. Default: ${DEFAULT-VALUE}")
    Duration sessionGap;

    @Option(
            names = "--allowed-lateness",
            defaultValue = "PT10M",
            description =
                    "How late an event may still update its session. Default: ${DEFAULT-VALUE}")
    Duration allowedLateness;

    @Option(
            names = "--out-of-orderness",
            defaultValue = "PT10S",
            description = "Bounded out-of-orderness of the watermarks. Default: ${DEFAULT-VALUE}")
    Duration outOfOrderness;

    @Option(
            names = "--idleness",
            defaultValue = "PT1M",
            description =
                    "A partition silent this long stops holding event time back. Default: ${DEFAULT-VALUE}")
    Duration idleness;

    @Option(
            names = "--dedup-window",
            defaultValue = "PT1H",
            description =
                    "How long an event_id is remembered to drop duplicates. Default: ${DEFAULT-VALUE}")
    Duration dedupWindow;

    @Option(
            names = "--user-retention",
            defaultValue = "P400D",
            description = "State of users inactive this long expires. Default: ${DEFAULT-VALUE}")
    Duration userRetention;

    @Option(
            names = "--metrics-retention",
            defaultValue = "P1D",
            description =
                    "How long after a funnel bucket ends it keeps its sessions, so that a session"
                            + " changed later replaces its earlier count; later changes are dropped."
                            + " At least --session-gap plus --allowed-lateness, and longer than your"
                            + " longest sessions. About 2.6 KB of state per session kept. Default:"
                            + " ${DEFAULT-VALUE}")
    Duration metricsRetention;

    @Option(
            names = "--max-payload-bytes",
            defaultValue = "65536",
            description = "Larger events are dead-lettered. Default: ${DEFAULT-VALUE}")
    int maxPayloadBytes;

    @Option(
            names = "--es-batch-size",
            defaultValue = "1000",
            description = "Writes per bulk request. Default: ${DEFAULT-VALUE}")
    int esBatchSize;

    @Option(
            names = "--churn-threshold",
            defaultValue = "0.7",
            description =
                    "Churn risk at which a user is at risk; crossing it upward sends a marketing"
                            + " action. Default: ${DEFAULT-VALUE}")
    double churnThreshold;

    @Option(
            names = "--models-topic",
            defaultValue = JobConfig.DEFAULT_MODELS_TOPIC,
            description =
                    "Kafka topic of model updates (key: purchase_propensity, churn_risk or"
                            + " segment; value: the PMML file). Default: ${DEFAULT-VALUE}")
    String modelsTopic;

    @Option(
            names = "--marketing-actions-topic",
            defaultValue = JobConfig.DEFAULT_MARKETING_ACTIONS_TOPIC,
            description = "Kafka topic for marketing actions. Default: ${DEFAULT-VALUE}")
    String marketingActionsTopic;

    @Option(
            names = "--erasures-topic",
            defaultValue = "${env:ERASURES_TOPIC:-" + JobConfig.DEFAULT_ERASURES_TOPIC + "}",
            description =
                    "Kafka topic of erasures (key: user id), read from its beginning: the job"
                            + " forgets these users and drops their events (env ERASURES_TOPIC)."
                            + " Default: ${DEFAULT-VALUE}")
    String erasuresTopic;

    @Mixin ElasticsearchConnectionOptions elasticsearch = new ElasticsearchConnectionOptions();

    public JobConfig toConfig() {
        Duration stillChanging = sessionGap.plus(allowedLateness);
        if (metricsRetention.compareTo(stillChanging) < 0) {
            throw new IllegalArgumentException(
                    "--metrics-retention "
                            + metricsRetention
                            + " is shorter than --session-gap "
                            + sessionGap
                            + " plus --allowed-lateness "
                            + allowedLateness
                            + ": sessions still open would lose their corrections; set it to at"
                            + " least "
                            + stillChanging);
        }
        return new JobConfig(
                kafkaBootstrap,
                topic,
                groupId,
                deadLetterTopic,
                modelsTopic,
                marketingActionsTopic,
                bounded,
                checkpointInterval,
                ElasticsearchSinkConfig.defaults(elasticsearch.toConnection())
                        .withMaxBatchActions(esBatchSize),
                new PipelineConfig(
                        new ParserLimits(maxPayloadBytes, ParserLimits.DEFAULT_MAX_FUTURE_SKEW),
                        outOfOrderness,
                        idleness,
                        sessionGap,
                        allowedLateness,
                        dedupWindow,
                        userRetention,
                        metricsRetention,
                        FeatureWindows.DEFAULT,
                        null,
                        new ScoringConfig(churnThreshold, ModelLimits.DEFAULTS),
                        SimilarityConfig.DEFAULTS),
                erasuresTopic);
    }
}
