package io.github.clickstream.appliance.erasure;

import java.util.List;
import java.util.regex.Pattern;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Where the pipeline's erasures come from: the Kafka topic, or none at all (bounded runs, tests).
 */
public final class Erasures {

    private Erasures() {}

    /**
     * The erasures topic from its beginning, every start: the erased users are rebuilt from it even
     * without a checkpoint. A pattern, not a topic name, because the topic may not exist until the
     * first erasure, and partition discovery then finds it.
     */
    public static DataStream<Erasure> fromKafka(
            StreamExecutionEnvironment env, String bootstrapServers, String topic, String groupId) {
        KafkaSource<Erasure> source =
                KafkaSource.<Erasure>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setTopicPattern(Pattern.compile(Pattern.quote(topic)))
                        .setGroupId(groupId)
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setDeserializer(new ErasureDeserializer())
                        .setProperty("partition.discovery.interval.ms", "10000")
                        .build();
        // Watermarks in an operator of their own, not in the source: a source reader without a
        // partition (parallelism above the partition count) would emit none and stall event time.
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka erasures")
                .uid("kafka-erasures")
                .assignTimestampsAndWatermarks(outsideEventTime())
                .uid("erasures-outside-event-time")
                .name("Erasures outside event time");
    }

    /** {@code records} without those of erased users (see {@link ErasedUsers}). */
    public static <T> SingleOutputStreamOperator<T> dropErased(
            DataStream<T> records,
            KeySelector<T, String> userId,
            DataStream<Erasure> erasures,
            String droppedMetric) {
        return records.connect(erasures)
                .keyBy(userId, Erasure::userId)
                .process(new ErasedUsers<T>(droppedMetric), records.getType());
    }

    /** A stream that ends without an erasure (Flink's collection source needs one element). */
    public static DataStream<Erasure> none(StreamExecutionEnvironment env) {
        return env.fromData(List.of(new Erasure("none", 0)), TypeInformation.of(Erasure.class))
                .filter(erasure -> false)
                .name("No erasures");
    }

    /**
     * Erasures are not in event time: their stream is marked idle, so an operator that connects
     * them to events follows the events' watermark alone. (A maximum watermark would not do: when
     * the events go idle between bursts, the operator would take it as its own and fire every
     * timer.)
     */
    static WatermarkStrategy<Erasure> outsideEventTime() {
        return WatermarkStrategy.forGenerator(context -> new AlwaysIdle());
    }

    private static final class AlwaysIdle implements WatermarkGenerator<Erasure> {
        @Override
        public void onEvent(Erasure event, long timestamp, WatermarkOutput output) {}

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            output.markIdle();
        }
    }
}
