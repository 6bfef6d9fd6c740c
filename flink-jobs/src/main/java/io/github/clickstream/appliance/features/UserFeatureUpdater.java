package io.github.clickstream.appliance.features;

import io.github.clickstream.appliance.erasure.ErasedFlag;
import io.github.clickstream.appliance.erasure.Erasure;
import io.github.clickstream.appliance.sessions.SessionSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps each user's sessions of the feature window in keyed state and emits the user's features
 * whenever a session closes or is updated by late events. Sessions are stored by id, so a
 * re-emitted session replaces its earlier version instead of counting twice; sessions that leave
 * the window are folded into {@link LifetimeTotals}. Users inactive for longer than the retention
 * lose their state through state TTL.
 *
 * <p>While a user stays away, an event-time timer re-emits their features every {@code
 * rescoreInactiveEvery} (days since last visit grows, so does churn risk) until they have been
 * inactive for the long window. The end of a bounded input (watermark at its maximum) is not time
 * passing, so it emits nothing.
 *
 * <p>With a fixed {@code asOf} (batch training tables) it emits one snapshot per user at that time,
 * after all of the user's sessions are in.
 *
 * <p>An erasure drops the user's sessions and totals; the user is marked erased, so a session still
 * in flight does not bring them back, and their pending re-scoring timers find nothing to emit.
 */
public class UserFeatureUpdater
        extends KeyedCoProcessFunction<String, SessionSummary, Erasure, UserFeatures> {

    private final FeatureWindows windows;
    private final Duration retention;
    private final Long fixedAsOf;

    private transient FeatureCalculator calculator;
    private transient MapState<String, SessionSummary> recentSessions;
    private transient ValueState<LifetimeTotals> olderTotals;
    private transient ErasedFlag erased;

    public UserFeatureUpdater(FeatureWindows windows, Duration retention, Long fixedAsOf) {
        this.windows = windows;
        this.retention = retention;
        this.fixedAsOf = fixedAsOf;
    }

    @Override
    public void open(OpenContext context) {
        calculator = new FeatureCalculator(windows);
        StateTtlConfig ttl = StateTtlConfig.newBuilder(retention).build();
        MapStateDescriptor<String, SessionSummary> sessions =
                new MapStateDescriptor<>(
                        "recent-sessions", Types.STRING, TypeInformation.of(SessionSummary.class));
        sessions.enableTimeToLive(ttl);
        ValueStateDescriptor<LifetimeTotals> totals =
                new ValueStateDescriptor<>("lifetime-totals", LifetimeTotals.class);
        totals.enableTimeToLive(ttl);
        recentSessions = getRuntimeContext().getMapState(sessions);
        olderTotals = getRuntimeContext().getState(totals);
        erased = new ErasedFlag(getRuntimeContext());
    }

    @Override
    public void processElement1(
            SessionSummary session, Context context, Collector<UserFeatures> out) throws Exception {
        if (erased.isSet()) {
            return;
        }
        for (String replaced : session.replacedSessionIds()) {
            recentSessions.remove(replaced);
        }
        recentSessions.put(session.sessionId(), session);
        if (fixedAsOf != null) {
            context.timerService().registerEventTimeTimer(fixedAsOf);
            return;
        }
        long latest = latestActivity();
        out.collect(snapshot(context.getCurrentKey(), latest));
        if (windows.rescoreInactiveEvery() != null) {
            context.timerService()
                    .registerEventTimeTimer(latest + windows.rescoreInactiveEvery().toMillis());
        }
    }

    @Override
    public void processElement2(Erasure erasure, Context context, Collector<UserFeatures> out)
            throws Exception {
        recentSessions.clear();
        olderTotals.clear();
        erased.set();
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<UserFeatures> out)
            throws Exception {
        if (erased.isSet()) {
            return;
        }
        if (fixedAsOf != null) {
            out.collect(snapshot(context.getCurrentKey(), fixedAsOf));
            return;
        }
        if (context.timerService().currentWatermark() == Long.MAX_VALUE) {
            return;
        }
        long every = windows.rescoreInactiveEvery().toMillis();
        long inactive = timestamp - latestActivity();
        // timers set for an earlier last activity are stale: the user came back since
        if (inactive <= 0 || inactive % every != 0) {
            return;
        }
        out.collect(snapshot(context.getCurrentKey(), timestamp));
        if (inactive < windows.longWindow().toMillis()) {
            context.timerService().registerEventTimeTimer(timestamp + every);
        }
    }

    private long latestActivity() throws Exception {
        long latest = totals().lastSeen;
        for (SessionSummary s : recentSessions.values()) {
            latest = Math.max(latest, s.end());
        }
        return latest;
    }

    private UserFeatures snapshot(String userId, long asOf) throws Exception {
        LifetimeTotals totals = totals();
        List<SessionSummary> recent = new ArrayList<>();
        boolean evicted = false;
        Iterator<Map.Entry<String, SessionSummary>> entries = recentSessions.iterator();
        while (entries.hasNext()) {
            SessionSummary s = entries.next().getValue();
            if (calculator.outsideWindow(s, asOf)) {
                totals.absorb(s, windows.recentItemLimit());
                entries.remove();
                evicted = true;
            } else {
                recent.add(s);
            }
        }
        if (evicted) {
            olderTotals.update(totals);
        }
        return calculator.snapshot(userId, totals, recent, asOf);
    }

    private LifetimeTotals totals() throws Exception {
        LifetimeTotals totals = olderTotals.value();
        return totals != null ? totals : new LifetimeTotals();
    }
}
