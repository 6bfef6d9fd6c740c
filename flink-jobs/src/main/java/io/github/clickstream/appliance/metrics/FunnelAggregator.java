package io.github.clickstream.appliance.metrics;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps one funnel bucket's sessions by id, so a session updated by late events replaces its
 * earlier contribution instead of adding to it. A changed bucket is emitted with the next
 * watermark, not after every session: a busy bucket changes many times a second. Keyed by bucket
 * id; the document id is the same, so Elasticsearch keeps the latest totals.
 */
public class FunnelAggregator extends KeyedProcessFunction<String, FunnelUpdate, FunnelMetric> {

    private final long retentionMillis;
    private transient MapState<String, FunnelUpdate> sessions;
    private transient MapState<String, Integer> sessionsPerUser;
    private transient ValueState<FunnelTotals> totals;

    /**
     * @param retention how long after a bucket ends its sessions are kept for corrections; later
     *     updates are dropped rather than restarting the bucket from zero
     */
    public FunnelAggregator(Duration retention) {
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        sessions =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "bucket-sessions",
                                        Types.STRING,
                                        TypeInformation.of(FunnelUpdate.class)));
        sessionsPerUser =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("bucket-users", Types.STRING, Types.INT));
        totals =
                getRuntimeContext()
                        .getState(new ValueStateDescriptor<>("bucket-totals", FunnelTotals.class));
    }

    @Override
    public void processElement(FunnelUpdate update, Context context, Collector<FunnelMetric> out)
            throws Exception {
        long watermark = context.timerService().currentWatermark();
        long closing = closingTime(update.bucketSize(), update.bucketStart());
        if (watermark > closing) {
            return; // the bucket was closed and its state dropped
        }
        context.timerService().registerEventTimeTimer(closing);
        FunnelTotals current = totals.value() == null ? FunnelTotals.of(update) : totals.value();
        FunnelUpdate previous = sessions.get(update.sessionId());
        if (previous != null) {
            current.add(previous, -1);
            sessions.remove(update.sessionId());
            countUser(previous.userId(), -1, current);
        } else if (update.retract()) {
            return; // withdrawing a session this bucket never had
        }
        if (!update.retract()) {
            current.add(update, +1);
            sessions.put(update.sessionId(), update);
            countUser(update.userId(), +1, current);
        }
        current.dirty = true;
        totals.update(current);
        context.timerService().registerEventTimeTimer(Math.max(watermark, Long.MIN_VALUE + 1) + 1);
    }

    /** When a bucket's state is dropped: its end plus the retention. */
    private long closingTime(String bucketSize, long bucketStart) {
        return bucketStart + FunnelBuckets.BUCKET_SIZES.get(bucketSize) + retentionMillis;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<FunnelMetric> out)
            throws Exception {
        FunnelTotals current = totals.value();
        if (current == null) {
            return;
        }
        if (current.dirty) {
            current.dirty = false;
            totals.update(current);
            out.collect(current.toMetric(context.getCurrentKey()));
        }
        if (timestamp >= closingTime(current.bucketSize, current.bucketStart)) {
            sessions.clear();
            sessionsPerUser.clear();
            totals.clear();
        }
    }

    private void countUser(String userId, int sign, FunnelTotals current) throws Exception {
        Integer before = sessionsPerUser.get(userId);
        int after = (before == null ? 0 : before) + sign;
        if (after <= 0) {
            sessionsPerUser.remove(userId);
            current.activeUsers--;
        } else {
            sessionsPerUser.put(userId, after);
            if (before == null) {
                current.activeUsers++;
            }
        }
    }
}
