package io.github.clickstream.appliance.evaluation;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.similarity.ItemSimilarity;
import io.github.clickstream.appliance.similarity.SimilarityConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * What the job's similarity stage learns from a stretch of events, obtained by running that very
 * stage (on a local Flink environment) and keeping the last published state of every item and
 * shopper: item vectors and taste vectors. Neighbours are computed on demand from these vectors
 * with the job's own top-K code, for the items the evaluation asks about.
 */
public record LearnedSimilarity(Map<String, float[]> itemVectors, Map<String, float[]> tastes) {

    /** An item's vector or a shopper's taste, as the stage last published it. */
    public record Learned(boolean item, String id, float[] vector) {}

    public static LearnedSimilarity train(List<ClickEvent> events, SimilarityConfig config)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<ClickEvent> timed =
                env.fromData(events, TypeInformation.of(ClickEvent.class))
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<ClickEvent>forMonotonousTimestamps()
                                        .withTimestampAssigner((e, ts) -> e.timestamp()));
        ItemSimilarity.VectorStreams learned = ItemSimilarity.vectors(timed, config);
        // one collect: two collect sinks read one after the other would block each other
        DataStream<Learned> all =
                learned.items()
                        .filter(item -> item.vector() != null)
                        .map(item -> new Learned(true, item.itemId(), item.vector()))
                        .returns(Learned.class)
                        .union(
                                learned.userTastes()
                                        .map(t -> new Learned(false, t.userId(), t.vector()))
                                        .returns(Learned.class));
        Map<String, float[]> vectors = new HashMap<>();
        Map<String, float[]> tasteVectors = new HashMap<>();
        try (CloseableIterator<Learned> results = all.executeAndCollect("Learn item similarity")) {
            results.forEachRemaining(
                    l -> (l.item() ? vectors : tasteVectors).put(l.id(), l.vector()));
        }
        return new LearnedSimilarity(vectors, tasteVectors);
    }
}
