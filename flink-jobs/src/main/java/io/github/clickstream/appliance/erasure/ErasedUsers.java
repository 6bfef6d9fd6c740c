package io.github.clickstream.appliance.erasure;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The erasure gate, keyed by user id: remembers every erased user and drops their records from then
 * on (replayed or late events, and sessions a window still held), counting them in the metric named
 * by {@code droppedMetric}. Dropped records are not dead-lettered: a dead letter would keep the
 * very data the user asked to have forgotten.
 *
 * <p>Erased users are remembered for good, so a replay of old events never re-creates them; a
 * shopper who comes back needs a new id (with pseudonymised ids: a new key).
 */
public class ErasedUsers<T> extends KeyedCoProcessFunction<String, T, Erasure, T> {

    private final String droppedMetric;
    private transient ErasedFlag erased;
    private transient Counter dropped;

    public ErasedUsers(String droppedMetric) {
        this.droppedMetric = droppedMetric;
    }

    @Override
    public void open(OpenContext context) {
        erased = new ErasedFlag(getRuntimeContext());
        dropped = getRuntimeContext().getMetricGroup().counter(droppedMetric);
    }

    @Override
    public void processElement1(T record, Context ctx, Collector<T> out) throws Exception {
        if (erased.isSet()) {
            dropped.inc();
            return;
        }
        out.collect(record);
    }

    @Override
    public void processElement2(Erasure erasure, Context ctx, Collector<T> out) throws Exception {
        erased.set();
    }
}
