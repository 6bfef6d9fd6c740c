package io.github.clickstream.appliance.similarity;

import io.github.clickstream.appliance.erasure.Erasure;
import io.github.clickstream.appliance.erasure.Erasures;
import io.github.clickstream.appliance.events.ClickEvent;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/** Wires the similarity stage: shoppers' histories → item vectors → neighbours. */
public final class ItemSimilarity {

    /** What the stage publishes. */
    public record Outputs(
            DataStream<ItemUpdate> items,
            DataStream<SimilarItems> similarItems,
            DataStream<UserTaste> userTastes) {}

    private ItemSimilarity() {}

    /** Item vectors and popularity, and shoppers' tastes. */
    public record VectorStreams(DataStream<ItemUpdate> items, DataStream<UserTaste> userTastes) {}

    public static Outputs of(
            DataStream<ClickEvent> events, DataStream<Erasure> erasures, SimilarityConfig config) {
        VectorStreams vectors = vectors(events, erasures, config);
        SingleOutputStreamOperator<SimilarItems> neighbours =
                vectors.items()
                        .keyBy(item -> NeighbourIndex.ALL, Types.INT)
                        .process(new NeighbourIndex(config))
                        .setParallelism(1)
                        .uid("neighbour-index")
                        .name("Top-K neighbours (Lucene)");
        return new Outputs(vectors.items(), neighbours, vectors.userTastes());
    }

    /** The stage without the neighbour index (offline evaluation computes neighbours itself). */
    public static VectorStreams vectors(DataStream<ClickEvent> events, SimilarityConfig config) {
        return vectors(events, Erasures.none(events.getExecutionEnvironment()), config);
    }

    /**
     * The same, forgetting shoppers on an erasure. Item vectors need no erasure: each sums the
     * co-occurrence signals of many shoppers and holds nothing that leads back to one of them.
     */
    public static VectorStreams vectors(
            DataStream<ClickEvent> events, DataStream<Erasure> erasures, SimilarityConfig config) {
        SingleOutputStreamOperator<ItemSignal> cooccurrences =
                events.connect(erasures)
                        .keyBy(ClickEvent::userId, Erasure::userId)
                        .process(new ShopperHistory(config))
                        .uid("shopper-history")
                        .name("Co-occurrences and tastes per shopper");
        DataStream<ItemSignal> itemEvents =
                events.filter(e -> e.itemId() != null)
                        .uid("item-events")
                        .name("Item events")
                        .map(ItemSignal::event)
                        .returns(ItemSignal.class)
                        .uid("item-signals")
                        .name("Item signals");
        SingleOutputStreamOperator<ItemUpdate> items =
                cooccurrences
                        .union(itemEvents)
                        .keyBy(ItemSignal::itemId)
                        .process(new ItemVectors(config))
                        .uid("item-vectors")
                        .name("Item vectors and popularity");
        return new VectorStreams(items, cooccurrences.getSideOutput(ShopperHistory.TASTES));
    }
}
