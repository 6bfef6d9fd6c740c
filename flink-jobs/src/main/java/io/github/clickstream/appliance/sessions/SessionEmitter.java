package io.github.clickstream.appliance.sessions;

import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;

/**
 * Emits a session when its window fires: once when the watermark passes the end of the gap, and
 * again for each late event within the allowed lateness (the same id, so the document is updated).
 */
public class SessionEmitter
        extends ProcessWindowFunction<SessionAccumulator, SessionSummary, String, TimeWindow> {

    @Override
    public void process(
            String userId,
            Context context,
            Iterable<SessionAccumulator> accumulators,
            Collector<SessionSummary> out) {
        for (SessionAccumulator accumulator : accumulators) {
            if (accumulator.eventCount() > 0) {
                out.collect(SessionSummaries.of(accumulator));
            }
        }
    }
}
