package io.github.clickstream.appliance.similarity;

import io.github.clickstream.appliance.erasure.ErasedFlag;
import io.github.clickstream.appliance.erasure.Erasure;
import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.EventType;
import io.github.clickstream.appliance.ordering.EventTimeBuffer;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Per shopper: turns each item event into co-occurrences with the shopper's recent items (same
 * session weight 1, earlier history weight {@code historyWeight}, both scaled by the event types'
 * weights), and keeps the shopper's taste vector and purchases, published at most every {@code
 * publishEvery} of event time. Repeating an item within a session adds nothing unless the event is
 * stronger (a view becoming a purchase adds the difference).
 *
 * <p>An erasure drops the shopper's history, taste and buffered events and marks them erased, so
 * nothing of theirs is published again. The co-occurrences already sent to the item vectors stay:
 * an item vector sums the signals of many shoppers and no longer holds anything of one of them.
 */
public final class ShopperHistory
        extends KeyedCoProcessFunction<String, ClickEvent, Erasure, ItemSignal> {

    public static final OutputTag<UserTaste> TASTES = new OutputTag<>("user-tastes") {};

    private static final int PURCHASES_KEPT = 50;

    private final SimilarityConfig config;
    private transient ValueState<ShopperState> state;
    private transient EventTimeBuffer<ClickEvent> pending;
    private transient ErasedFlag erased;

    public ShopperHistory(SimilarityConfig config) {
        this.config = config;
    }

    @Override
    public void open(OpenContext context) {
        state =
                getRuntimeContext()
                        .getState(
                                new ValueStateDescriptor<>(
                                        "shopper", TypeInformation.of(ShopperState.class)));
        pending =
                new EventTimeBuffer<>(
                        getRuntimeContext(),
                        "pending-events",
                        ClickEvent.class,
                        Comparator.comparing(ClickEvent::eventId));
        erased = new ErasedFlag(getRuntimeContext());
    }

    @Override
    public void processElement1(ClickEvent event, Context ctx, Collector<ItemSignal> out)
            throws Exception {
        if (SimilarityConfig.typeWeight(event.eventType()) == 0
                || event.itemId() == null
                || erased.isSet()) {
            return;
        }
        pending.add(event, event.timestamp(), ctx.timerService());
    }

    @Override
    public void processElement2(Erasure erasure, Context ctx, Collector<ItemSignal> out)
            throws Exception {
        state.clear();
        pending.clear();
        erased.set();
    }

    private void handle(ClickEvent event, OnTimerContext ctx, Collector<ItemSignal> out)
            throws Exception {
        double weight = SimilarityConfig.typeWeight(event.eventType());
        ShopperState shopper = state.value();
        if (shopper == null) {
            shopper = new ShopperState(config.dims());
        }
        long at = event.timestamp();
        double added = addedWeight(shopper, event.itemId(), weight, at);
        if (added > 0) {
            pair(shopper, event.itemId(), added, at, out);
            Vectors.scale(
                    shopper.taste,
                    Vectors.decay(at - shopper.tasteTime, config.halfLife().toMillis()));
            shopper.tasteTime = Math.max(shopper.tasteTime, at);
            ItemSignature.addTo(shopper.taste, event.itemId(), added, config.nonZeros());
            shopper.remember(event.itemId(), weight, at, config.recentItems());
        }
        if (event.eventType() == EventType.PURCHASE) {
            shopper.purchased(event.itemId(), PURCHASES_KEPT);
        }
        if (!shopper.publishPending) {
            shopper.publishPending = true;
            ctx.timerService().registerEventTimeTimer(config.publishTime(at));
        }
        state.update(shopper);
    }

    /** The weight this event adds: all of it, or what it adds over the same item this session. */
    private double addedWeight(ShopperState shopper, String item, double weight, long at) {
        int seen = shopper.indexOf(item);
        if (seen < 0 || Math.abs(at - shopper.times[seen]) > config.sessionGap().toMillis()) {
            return weight;
        }
        return Math.max(0, weight - shopper.weights[seen]);
    }

    private void pair(
            ShopperState shopper, String item, double weight, long at, Collector<ItemSignal> out) {
        for (int i = 0; i < shopper.items.length; i++) {
            String other = shopper.items[i];
            long apart = Math.abs(at - shopper.times[i]);
            if (other.equals(item) || apart > config.historyWindow().toMillis()) {
                continue;
            }
            double together =
                    apart <= config.sessionGap().toMillis() ? 1.0 : config.historyWeight();
            if (together == 0) {
                continue;
            }
            double pairWeight = together * Math.sqrt(weight * shopper.weights[i]);
            out.collect(ItemSignal.cooccurrence(item, other, pairWeight, at));
            out.collect(ItemSignal.cooccurrence(other, item, pairWeight, at));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ItemSignal> out)
            throws Exception {
        for (ClickEvent event : pending.take(timestamp)) {
            handle(event, ctx, out);
        }
        ShopperState shopper = state.value();
        if (shopper == null
                || !shopper.publishPending
                || timestamp != config.publishTime(timestamp - 1)) {
            return;
        }
        shopper.publishPending = false;
        state.update(shopper);
        if (Vectors.isZero(shopper.taste)) {
            return;
        }
        float[] taste = shopper.taste.clone();
        Vectors.scale(
                taste, Vectors.decay(timestamp - shopper.tasteTime, config.halfLife().toMillis()));
        ctx.output(
                TASTES,
                new UserTaste(ctx.getCurrentKey(), taste, List.of(shopper.purchased), timestamp));
    }
}
