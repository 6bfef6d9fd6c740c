package io.github.clickstream.appliance.erasure;

import io.github.clickstream.appliance.ordering.OutsideEventTime;
import java.util.List;
import java.util.regex.Pattern;
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
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), "Kafka erasures")
                .uid("kafka-erasures")
                .assignTimestampsAndWatermarks(OutsideEventTime.<Erasure>watermarks())
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

    /**
     * A stream that ends without an erasure (Flink's collection source needs one element). Once per
     * job: its operators have fixed uids, since the source keeps state in a savepoint.
     */
    public static DataStream<Erasure> none(StreamExecutionEnvironment env) {
        return env.fromData(List.of(new Erasure("none", 0)), TypeInformation.of(Erasure.class))
                .uid("no-erasures-source")
                .filter(erasure -> false)
                .uid("no-erasures")
                .name("No erasures");
    }
}
