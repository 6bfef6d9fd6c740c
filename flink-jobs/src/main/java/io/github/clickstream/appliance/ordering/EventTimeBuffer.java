package io.github.clickstream.appliance.ordering;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * Holds a key's records until the watermark passes their timestamp, then hands them out in a fixed
 * order, so an operator's result does not depend on the order records arrived in.
 */
public final class EventTimeBuffer<T> {

    private final MapState<Long, List<T>> waiting;
    private final Comparator<T> order;

    public EventTimeBuffer(
            RuntimeContext context,
            String name,
            Class<T> type,
            Comparator<T> orderWithinTimestamp) {
        this.waiting =
                context.getMapState(
                        new MapStateDescriptor<>(
                                name, Types.LONG, Types.LIST(TypeInformation.of(type))));
        this.order = orderWithinTimestamp;
    }

    /** Keeps the record and asks for a timer at its timestamp. */
    public void add(T record, long timestamp, TimerService timers) throws Exception {
        List<T> atTime = waiting.get(timestamp);
        List<T> next = atTime == null ? new ArrayList<>() : new ArrayList<>(atTime);
        next.add(record);
        waiting.put(timestamp, next);
        timers.registerEventTimeTimer(timestamp);
    }

    /** Forgets every record of the key; timers already set find nothing. */
    public void clear() {
        waiting.clear();
    }

    /** The records of {@code timestamp} in order, removed from the buffer (empty if none). */
    public List<T> take(long timestamp) throws Exception {
        List<T> due = waiting.get(timestamp);
        if (due == null) {
            return List.of();
        }
        waiting.remove(timestamp);
        List<T> ordered = new ArrayList<>(due);
        ordered.sort(order);
        return ordered;
    }
}
