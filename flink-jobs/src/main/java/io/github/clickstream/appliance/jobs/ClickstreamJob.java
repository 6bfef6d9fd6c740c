package io.github.clickstream.appliance.jobs;

import io.github.clickstream.appliance.erasure.Erasure;
import io.github.clickstream.appliance.erasure.Erasures;
import io.github.clickstream.appliance.events.DeadLetter;
import io.github.clickstream.appliance.events.DeadLetterJson;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.RawEventDeserializer;
import io.github.clickstream.appliance.ordering.OutsideEventTime;
import io.github.clickstream.appliance.pipeline.ClickstreamPipeline;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.pipeline.PipelineOutputs;
import io.github.clickstream.appliance.scoring.MarketingAction;
import io.github.clickstream.appliance.scoring.MarketingActionJson;
import io.github.clickstream.appliance.scoring.ModelUpdate;
import io.github.clickstream.appliance.scoring.ModelUpdateDeserializer;
import io.github.clickstream.appliance.sink.ElasticsearchSink;
import io.github.clickstream.appliance.sink.ErasureSink;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import picocli.CommandLine;

/**
 * The streaming job: Kafka clickstream (and model updates) in; sessions, scored users, metrics and
 * dead letters out to Elasticsearch; dead letters and marketing actions to their Kafka topics.
 * {@code main} only parses the options and calls {@link #wire}; submit it with {@code flink run} or
 * let {@code appliance demo} run it in-process.
 */
public final class ClickstreamJob {

    private ClickstreamJob() {}

    public static void main(String[] args) throws Exception {
        JobOptions options = new JobOptions();
        new CommandLine(options).parseArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        wire(env, options.toConfig());
        env.execute("Clickstream appliance");
    }

    public static PipelineOutputs wire(StreamExecutionEnvironment env, JobConfig config) {
        return wire(env, config, source(config));
    }

    /**
     * The same job reading the clickstream from {@code clickstream} instead of the source {@code
     * config} describes, e.g. a Kafka source that stops at given offsets (tests that stop and
     * restore the job half-way).
     */
    public static PipelineOutputs wire(
            StreamExecutionEnvironment env, JobConfig config, Source<RawEvent, ?, ?> clickstream) {
        env.enableCheckpointing(config.checkpointInterval().toMillis());
        PipelineConfig pipeline =
                config.bounded() ? config.pipeline().withoutIdleness() : config.pipeline();
        DataStream<RawEvent> raw =
                env.fromSource(
                                clickstream,
                                ClickstreamPipeline.eventTime(pipeline),
                                "Kafka clickstream")
                        .uid("kafka-clickstream");
        // A bounded run (replays, tests) scores with the shipped models: Kafka's bounded source
        // never finishes on a topic that has no partitions yet.
        DataStream<ModelUpdate> modelUpdates =
                config.bounded()
                        ? ClickstreamPipeline.noModelUpdates(env)
                        : env.fromSource(
                                        modelSource(config),
                                        WatermarkStrategy.noWatermarks(),
                                        "Kafka models")
                                .uid("kafka-models")
                                .assignTimestampsAndWatermarks(
                                        OutsideEventTime.<ModelUpdate>watermarks())
                                .uid("models-outside-event-time")
                                .name("Model updates outside event time");
        // Like the models topic, the erasures topic may not exist yet, so a bounded run reads none.
        DataStream<Erasure> erasures =
                config.bounded()
                        ? Erasures.none(env)
                        : Erasures.fromKafka(
                                env,
                                config.kafkaBootstrapServers(),
                                config.erasuresTopic(),
                                config.groupId() + "-erasures");
        PipelineOutputs outputs = ClickstreamPipeline.build(raw, modelUpdates, erasures, pipeline);
        outputs.documentWrites()
                .sinkTo(new ElasticsearchSink(config.elasticsearch()))
                .uid("elasticsearch-sink")
                .name("Write to Elasticsearch");
        erasures.sinkTo(new ErasureSink(config.elasticsearch().connection()))
                .uid("erasure-deletes")
                .name("Delete erased users' documents");
        outputs.deadLetters()
                .sinkTo(deadLetterSink(config))
                .uid("dead-letter-topic")
                .name("Dead letters to Kafka");
        outputs.marketingActions()
                .sinkTo(marketingActionSink(config))
                .uid("marketing-actions-topic")
                .name("Marketing actions to Kafka");
        return outputs;
    }

    private static KafkaSource<RawEvent> source(JobConfig config) {
        KafkaSourceBuilder<RawEvent> builder =
                KafkaSource.<RawEvent>builder()
                        .setBootstrapServers(config.kafkaBootstrapServers())
                        .setTopics(config.topic())
                        .setGroupId(config.groupId())
                        .setStartingOffsets(
                                OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                        .setDeserializer(new RawEventDeserializer());
        if (config.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** Model updates from the start of the topic: the last accepted one per slot wins. */
    private static KafkaSource<ModelUpdate> modelSource(JobConfig config) {
        return KafkaSource.<ModelUpdate>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                // a pattern, not a topic list: the topic may not exist until the first
                // model is published, and partition discovery then finds it
                .setTopicPattern(Pattern.compile(Pattern.quote(config.modelsTopic())))
                .setGroupId(config.groupId() + "-models")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new ModelUpdateDeserializer())
                .setProperty("partition.discovery.interval.ms", "10000")
                .build();
    }

    private static KafkaSink<MarketingAction> marketingActionSink(JobConfig config) {
        return KafkaSink.<MarketingAction>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<MarketingAction>builder()
                                .setTopic(config.marketingActionsTopic())
                                .setKeySerializationSchema(
                                        (MarketingAction action) ->
                                                action.userId().getBytes(StandardCharsets.UTF_8))
                                .setValueSerializationSchema(new MarketingActionJson())
                                .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    private static KafkaSink<DeadLetter> deadLetterSink(JobConfig config) {
        return KafkaSink.<DeadLetter>builder()
                .setBootstrapServers(config.kafkaBootstrapServers())
                .setRecordSerializer(
                        KafkaRecordSerializationSchema.<DeadLetter>builder()
                                .setTopic(config.deadLetterTopic())
                                .setValueSerializationSchema(new DeadLetterJson())
                                .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }
}
