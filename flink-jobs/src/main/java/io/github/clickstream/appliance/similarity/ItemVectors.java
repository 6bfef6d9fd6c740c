package io.github.clickstream.appliance.similarity;

import io.github.clickstream.appliance.ordering.EventTimeBuffer;
import java.util.Comparator;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Per item: adds each co-occurrence's partner signature to the item's vector (decayed by event
 * time, so tastes can move), keeps catalogue fields and daily popularity, and publishes the item at
 * most every {@code publishEvery} of event time. State is one fixed-size vector and 31 days of
 * counts per item, whatever the traffic.
 */
public final class ItemVectors extends KeyedProcessFunction<String, ItemSignal, ItemUpdate> {

    /** A fixed order for signals with the same timestamp (their arrival order varies). */
    private static final Comparator<ItemSignal> SIGNAL_ORDER =
            Comparator.comparing(ItemSignal::isCooccurrence)
                    .thenComparing(s -> s.partnerId() == null ? "" : s.partnerId())
                    .thenComparingDouble(ItemSignal::weight)
                    .thenComparing(s -> s.eventType() == null ? "" : s.eventType().name())
                    .thenComparing(s -> s.price() == null ? 0.0 : s.price())
                    .thenComparing(s -> String.valueOf(s.categoryId()))
                    .thenComparing(s -> String.valueOf(s.brand()));

    private final SimilarityConfig config;
    private transient ValueState<ItemState> state;
    private transient EventTimeBuffer<ItemSignal> pending;

    public ItemVectors(SimilarityConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "item", TypeInformation.of(ItemState.class)));
        pending =
                new EventTimeBuffer<>(
                        getRuntimeContext(), "pending-signals", ItemSignal.class, SIGNAL_ORDER);
    }

    @Override
    public void processElement(ItemSignal signal, Context ctx, Collector<ItemUpdate> out)
            throws Exception {
        pending.add(signal, signal.timestamp(), ctx.timerService());
    }

    private void apply(ItemSignal signal, OnTimerContext ctx) throws Exception {
        ItemState item = state.value();
        if (item == null) {
            item = new ItemState(config.dims());
        }
        long at = signal.timestamp();
        if (signal.isCooccurrence()) {
            Vectors.scale(
                    item.vector, Vectors.decay(at - item.vectorTime, config.halfLife().toMillis()));
            item.vectorTime = Math.max(item.vectorTime, at);
            ItemSignature.addTo(
                    item.vector, signal.partnerId(), signal.weight(), config.nonZeros());
        } else {
            item.count(signal.eventType(), at);
            if (at >= item.catalogueTime) {
                item.catalogueTime = at;
                item.categoryId = firstNonNull(signal.categoryId(), item.categoryId);
                item.categoryCode = firstNonNull(signal.categoryCode(), item.categoryCode);
                item.brand = firstNonNull(signal.brand(), item.brand);
                item.price = firstNonNull(signal.price(), item.price);
            }
        }
        if (!item.publishPending) {
            item.publishPending = true;
            ctx.timerService().registerEventTimeTimer(config.publishTime(at));
        }
        state.update(item);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ItemUpdate> out)
            throws Exception {
        for (ItemSignal signal : pending.take(timestamp)) {
            apply(signal, ctx);
        }
        ItemState item = state.value();
        if (item == null
                || !item.publishPending
                || timestamp != config.publishTime(timestamp - 1)) {
            return;
        }
        item.publishPending = false;
        state.update(item);
        float[] vector = null;
        if (!Vectors.isZero(item.vector)) {
            vector = item.vector.clone();
            Vectors.scale(
                    vector,
                    Vectors.decay(timestamp - item.vectorTime, config.halfLife().toMillis()));
        }
        out.collect(
                new ItemUpdate(
                        ctx.getCurrentKey(),
                        item.categoryId,
                        item.categoryCode,
                        item.brand,
                        item.price,
                        item.total(item.views, timestamp, 1),
                        item.total(item.views, timestamp, 7),
                        item.total(item.views, timestamp, 30),
                        item.total(item.carts, timestamp, 1),
                        item.total(item.carts, timestamp, 7),
                        item.total(item.carts, timestamp, 30),
                        item.total(item.purchases, timestamp, 1),
                        item.total(item.purchases, timestamp, 7),
                        item.total(item.purchases, timestamp, 30),
                        vector,
                        timestamp));
    }

    private static <T> T firstNonNull(T preferred, T otherwise) {
        return preferred != null ? preferred : otherwise;
    }
}
