package io.github.clickstream.appliance.similarity;

import io.github.clickstream.appliance.mappings.ItemRanking;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Holds the vector of every item with enough evidence (one task, all items on one key) and, every
 * {@code neighboursEvery} of event time, recomputes the top-K neighbours of the items that changed
 * since, exactly. A neighbour's score is its cosine times the square root of its vector's length
 * ({@code ItemRanking}), so among equally similar items the better supported ones rank first, as in
 * item-kNN. Memory is one vector per item (about 300 bytes at 64 dimensions); time is changed items
 * × items per run, fine for catalogues of tens of thousands of active items.
 */
public final class NeighbourIndex extends KeyedProcessFunction<Integer, ItemUpdate, SimilarItems> {

    /** Every update goes to this one key. */
    public static final int ALL = 0;

    private final SimilarityConfig config;
    private transient MapState<String, float[]> vectors;
    private transient MapState<String, Boolean> changed;
    private transient ValueState<Long> nextRun;

    public NeighbourIndex(SimilarityConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        vectors =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "item-vectors",
                                        Types.STRING,
                                        PrimitiveArrayTypeInfo.FLOAT_PRIMITIVE_ARRAY_TYPE_INFO));
        changed =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("changed", Types.STRING, Types.BOOLEAN));
        nextRun = getRuntimeContext().getState(new ValueStateDescriptor<>("next-run", Types.LONG));
    }

    @Override
    public void processElement(ItemUpdate item, Context ctx, Collector<SimilarItems> out)
            throws Exception {
        if (item.vector() == null || Vectors.norm(item.vector()) < config.minEvidence()) {
            return;
        }
        vectors.put(item.itemId(), item.vector());
        changed.put(item.itemId(), true);
        if (nextRun.value() == null) {
            long every = config.neighboursEvery().toMillis();
            long run = (Math.floorDiv(item.at(), every) + 1) * every;
            nextRun.update(run);
            ctx.timerService().registerEventTimeTimer(run);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<SimilarItems> out)
            throws Exception {
        nextRun.clear();
        NearestNeighbours index = new NearestNeighbours(vectors.entries());
        for (String item : changed.keys()) {
            float[] query = ItemRanking.unit(vectors.get(item));
            out.collect(
                    new SimilarItems(
                            item, index.top(item, query, config.neighbours(), true), timestamp));
        }
        changed.clear();
    }
}
