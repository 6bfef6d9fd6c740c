package io.github.clickstream.appliance.metrics;

import io.github.clickstream.appliance.erasure.ErasedFlag;
import io.github.clickstream.appliance.ordering.EventTimeBuffer;
import io.github.clickstream.appliance.sessions.SessionSummary;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Tags each session with the segment its shopper was in before it: the latest segment scored at an
 * earlier event time. Both inputs are replayed in event-time order (at one timestamp, sessions
 * before scores, since a session's own score carries its timestamp), so the tag does not depend on
 * which input arrived first and a restore reproduces it.
 *
 * <p>A session keeps the tag it was first given: later versions of it (late events) and a session
 * that merges earlier ones take the earliest tag, so a funnel bucket withdraws a session from the
 * same segment it counted it in. Tags are forgotten once the session is older than {@code
 * retention}, when its buckets are closed anyway, and everything about a user on their erasure
 * except the erased mark, which keeps a score still in flight from re-creating their segment.
 */
public class SessionSegments
        extends KeyedCoProcessFunction<String, SessionSummary, UserSegment, SegmentedSession> {

    public static final String UNSCORED = "unscored";

    private final long retentionMillis;
    private transient EventTimeBuffer<SessionSummary> sessions;
    private transient EventTimeBuffer<UserSegment> segments;
    private transient ValueState<String> current;
    private transient MapState<Long, String> tagByStart;
    private transient ErasedFlag erased;

    public SessionSegments(Duration retention) {
        this.retentionMillis = retention.toMillis();
    }

    @Override
    public void open(OpenContext context) {
        sessions =
                new EventTimeBuffer<>(
                        getRuntimeContext(),
                        "pending-sessions",
                        SessionSummary.class,
                        // Versions of one session share a timestamp; a later version (more
                        // events, or merged with another) must come after the one it replaces.
                        Comparator.comparingInt(SessionSummary::eventCount)
                                .thenComparingLong(SessionSummary::end)
                                .thenComparing(SessionSummary::start, Comparator.reverseOrder()));
        segments =
                new EventTimeBuffer<>(
                        getRuntimeContext(),
                        "pending-segments",
                        UserSegment.class,
                        Comparator.comparing(
                                UserSegment::segment,
                                Comparator.nullsFirst(Comparator.naturalOrder())));
        current = getRuntimeContext().getState(new ValueStateDescriptor<>("segment", Types.STRING));
        tagByStart =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "session-segments", Types.LONG, Types.STRING));
        erased = new ErasedFlag(getRuntimeContext());
    }

    @Override
    public void processElement1(
            SessionSummary session, Context context, Collector<SegmentedSession> out)
            throws Exception {
        if (erased.isSet()) {
            return;
        }
        sessions.add(session, context.timestamp(), context.timerService());
    }

    @Override
    public void processElement2(
            UserSegment segment, Context context, Collector<SegmentedSession> out)
            throws Exception {
        if (segment.erased()) {
            // Erasures are outside event time: forget the user at once. A score computed before
            // the scorer saw the erasure may still arrive after it; the mark drops it.
            sessions.clear();
            segments.clear();
            current.clear();
            tagByStart.clear();
            erased.set();
            return;
        }
        if (erased.isSet()) {
            return;
        }
        segments.add(segment, context.timestamp(), context.timerService());
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<SegmentedSession> out)
            throws Exception {
        for (SessionSummary session : sessions.take(timestamp)) {
            out.collect(new SegmentedSession(session, tag(session)));
        }
        for (UserSegment segment : segments.take(timestamp)) {
            if (segment.segment() != null) {
                current.update(segment.segment());
            }
        }
    }

    private String tag(SessionSummary session) throws Exception {
        String tag = tagByStart.get(session.start());
        for (long replaced : session.replacedStarts()) {
            String earlier = tagByStart.get(replaced);
            if (tag == null && earlier != null) {
                tag = earlier;
            }
            tagByStart.remove(replaced);
        }
        if (tag == null) {
            tag = current.value() == null ? UNSCORED : current.value();
        }
        tagByStart.put(session.start(), tag);
        forgetOlderThan(session.start() - retentionMillis);
        return tag;
    }

    private void forgetOlderThan(long start) throws Exception {
        Iterator<Map.Entry<Long, String>> tags = tagByStart.iterator();
        while (tags.hasNext()) {
            if (tags.next().getKey() < start) {
                tags.remove();
            }
        }
    }
}
