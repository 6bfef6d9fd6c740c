package io.github.clickstream.appliance.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.EventTimeSessionWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The baseline of the end-to-end benchmark, in the style of Nexmark query 11 ("user sessions":
 * events per user per event-time session window): the same Kafka topic up to its end, JSON read by
 * Jackson databind in the source (event time per partition), keyed by user, a session window with
 * the job's gap and out-of-orderness, counting events, into a sink that discards them (Nexmark's
 * blackhole sink: the figure is Flink's cost of the window, not of any store).
 */
final class SessionCountJob {

    /** What q11 emits: a user's event count per session. */
    record SessionCount(String userId, long events, long start, long end) {}

    /** The two fields the window needs, read from the full event. */
    record UserEvent(String userId, long timestamp) {}

    /** The accumulator holding how many events the windows counted. */
    static final String COUNTED = "events-counted";

    private SessionCountJob() {}

    static void wire(
            StreamExecutionEnvironment env,
            String bootstrapServers,
            String topic,
            String groupId,
            Duration gap,
            Duration outOfOrderness) {
        KafkaSource<UserEvent> source =
                KafkaSource.<UserEvent>builder()
                        .setBootstrapServers(bootstrapServers)
                        .setTopics(topic)
                        .setGroupId(groupId)
                        .setStartingOffsets(OffsetsInitializer.earliest())
                        .setBounded(OffsetsInitializer.latest())
                        .setDeserializer(new ParseJson())
                        .build();
        // Watermarks in the source, per partition (as Nexmark's SQL source does): a partition
        // read ahead of another does not make the other's events late.
        env.fromSource(
                        source,
                        WatermarkStrategy.<UserEvent>forBoundedOutOfOrderness(outOfOrderness)
                                .withTimestampAssigner((event, ts) -> event.timestamp()),
                        "Kafka clickstream, JSON parsed by Jackson databind")
                .keyBy(UserEvent::userId)
                .window(EventTimeSessionWindows.withGap(gap))
                .aggregate(new CountEvents(), new EmitCount())
                .name("Count events per user session")
                .sinkTo(new DiscardingSink<>());
    }

    /** Jackson databind into the plain wire record, then the ISO timestamp to epoch millis. */
    static final class ParseJson implements KafkaRecordDeserializationSchema<UserEvent> {

        private static final ObjectMapper JSON =
                new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<UserEvent> out)
                throws IOException {
            out.collect(parse(record.value()));
        }

        static UserEvent parse(byte[] json) throws IOException {
            JacksonEvent event = JSON.readValue(json, JacksonEvent.class);
            return new UserEvent(event.userId(), Instant.parse(event.ts()).toEpochMilli());
        }

        @Override
        public TypeInformation<UserEvent> getProducedType() {
            return TypeInformation.of(UserEvent.class);
        }
    }

    static final class CountEvents implements AggregateFunction<UserEvent, Long, Long> {
        @Override
        public Long createAccumulator() {
            return 0L;
        }

        @Override
        public Long add(UserEvent event, Long count) {
            return count + 1;
        }

        @Override
        public Long getResult(Long count) {
            return count;
        }

        @Override
        public Long merge(Long a, Long b) {
            return a + b;
        }
    }

    /** Also sums the counts in {@link #COUNTED}, so the benchmark can check every event arrived. */
    static final class EmitCount
            extends ProcessWindowFunction<Long, SessionCount, String, TimeWindow> {

        private transient LongCounter counted;

        @Override
        public void open(OpenContext context) {
            counted = getRuntimeContext().getLongCounter(COUNTED);
        }

        @Override
        public void process(
                String user, Context context, Iterable<Long> counts, Collector<SessionCount> out) {
            long window = counts.iterator().next();
            counted.add(window);
            out.collect(
                    new SessionCount(
                            user, window, context.window().getStart(), context.window().getEnd()));
        }
    }
}
