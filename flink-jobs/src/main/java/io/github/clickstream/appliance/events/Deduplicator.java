package io.github.clickstream.appliance.events;

import io.github.clickstream.appliance.erasure.ErasedFlag;
import io.github.clickstream.appliance.erasure.Erasure;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Drops events whose {@code event_id} was already seen for the same user within the dedup window
 * (event time), sending them to a side output. Producers that retry send the same event twice;
 * counting it twice would inflate funnels and revenue. Ids are forgotten by event-time timers,
 * rounded to the minute so a busy user costs one timer per minute, not one per event.
 *
 * <p>An erasure forgets the user's event ids and marks them erased: an event of theirs that passed
 * the erasure gate just before the erasure did is dropped here too.
 */
public class Deduplicator extends KeyedCoProcessFunction<String, ClickEvent, Erasure, ClickEvent> {

    public static final OutputTag<ClickEvent> DUPLICATES = new OutputTag<>("duplicates") {};

    private static final long CLEANUP_GRANULARITY = Duration.ofMinutes(1).toMillis();

    private final long windowMillis;
    private transient MapState<String, Long> seen;
    private transient ErasedFlag erased;

    public Deduplicator(Duration window) {
        this.windowMillis = window.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        seen =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "seen-event-ids", Types.STRING, Types.LONG));
        erased = new ErasedFlag(getRuntimeContext());
    }

    @Override
    public void processElement1(ClickEvent event, Context context, Collector<ClickEvent> out)
            throws Exception {
        if (erased.isSet()) {
            return;
        }
        if (seen.contains(event.eventId())) {
            context.output(DUPLICATES, event);
            return;
        }
        seen.put(event.eventId(), event.timestamp());
        long forgetAt = event.timestamp() + windowMillis;
        context.timerService()
                .registerEventTimeTimer((forgetAt / CLEANUP_GRANULARITY + 1) * CLEANUP_GRANULARITY);
        out.collect(event);
    }

    @Override
    public void processElement2(Erasure erasure, Context context, Collector<ClickEvent> out)
            throws Exception {
        seen.clear();
        erased.set();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<ClickEvent> out)
            throws Exception {
        Iterator<Map.Entry<String, Long>> entries = seen.iterator();
        while (entries.hasNext()) {
            if (entries.next().getValue() + windowMillis <= timestamp) {
                entries.remove();
            }
        }
        if (seen.isEmpty()) {
            seen.clear(); // drops the user's state entry itself, not just its contents
        }
    }
}
