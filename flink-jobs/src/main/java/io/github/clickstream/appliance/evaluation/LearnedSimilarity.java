package io.github.clickstream.appliance.evaluation;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.similarity.ItemSimilarity;
import io.github.clickstream.appliance.similarity.ItemUpdate;
import io.github.clickstream.appliance.similarity.SimilarityConfig;
import io.github.clickstream.appliance.similarity.UserTaste;
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
record LearnedSimilarity(Map<String, float[]> itemVectors, Map<String, float[]> tastes) {

    static LearnedSimilarity train(List<ClickEvent> events, SimilarityConfig config)
            throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1);
        DataStream<ClickEvent> timed =
                env.fromData(events, TypeInformation.of(ClickEvent.class))
                        .assignTimestampsAndWatermarks(
                                WatermarkStrategy.<ClickEvent>forMonotonousTimestamps()
                                        .withTimestampAssigner((e, ts) -> e.timestamp()));
        ItemSimilarity.Outputs outputs = ItemSimilarity.of(timed, config);
        CloseableIterator<ItemUpdate> items = outputs.items().collectAsync();
        CloseableIterator<UserTaste> tastes = outputs.userTastes().collectAsync();
        env.execute("Learn item similarity");
        Map<String, float[]> vectors = new HashMap<>();
        items.forEachRemaining(
                item -> {
                    if (item.vector() != null) {
                        vectors.put(item.itemId(), item.vector());
                    }
                });
        Map<String, float[]> tasteVectors = new HashMap<>();
        tastes.forEachRemaining(t -> tasteVectors.put(t.userId(), t.vector()));
        return new LearnedSimilarity(vectors, tasteVectors);
    }
}
