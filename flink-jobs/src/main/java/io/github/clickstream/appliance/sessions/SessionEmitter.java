package io.github.clickstream.appliance.sessions;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Emits a session when its window fires: once when the watermark passes the end of the gap, and
 * again for each late event within the allowed lateness (the same id, so the document is updated).
 *
 * <p>A late event can also move a session's start earlier, or bridge two sessions; the merged
 * session then has a new id. The user's emitted sessions are remembered (start and end, until their
 * window is purged), so the new version names the ones it replaces and downstream can delete them
 * instead of keeping a stale copy.
 */
public class SessionEmitter
        extends ProcessWindowFunction<SessionAccumulator, SessionSummary, String, TimeWindow> {

    private static final MapStateDescriptor<Long, Long> EMITTED =
            new MapStateDescriptor<>("emitted-sessions", Types.LONG, Types.LONG);

    @Override
    public void process(
            String userId,
            Context context,
            Iterable<SessionAccumulator> accumulators,
            Collector<SessionSummary> out)
            throws Exception {
        MapState<Long, Long> emitted = context.globalState().getMapState(EMITTED);
        for (SessionAccumulator accumulator : accumulators) {
            if (accumulator.eventCount() > 0) {
                List<Long> replaced = replacedBy(accumulator, emitted);
                emitted.put(accumulator.start, accumulator.end);
                out.collect(SessionSummaries.of(accumulator, replaced));
            }
        }
    }

    /** Earlier sessions of this user that now lie inside this one under another start. */
    private static List<Long> replacedBy(SessionAccumulator session, MapState<Long, Long> emitted)
            throws Exception {
        List<Long> replaced = new ArrayList<>();
        Iterator<Map.Entry<Long, Long>> entries = emitted.iterator();
        while (entries.hasNext()) {
            long start = entries.next().getKey();
            if (start != session.start && start >= session.start && start <= session.end) {
                replaced.add(start);
                entries.remove();
            }
        }
        replaced.sort(null);
        return replaced;
    }

    @Override
    public void clear(Context context) throws Exception {
        // The window is purged: no late event can change this session any more.
        context.globalState().getMapState(EMITTED).remove(context.window().getStart());
    }
}
