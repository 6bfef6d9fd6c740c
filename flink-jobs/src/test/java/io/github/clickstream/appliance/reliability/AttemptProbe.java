package io.github.clickstream.appliance.reliability;

import io.github.clickstream.appliance.events.RawEvent;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Passes events through and remembers the highest attempt number its tasks ran with: the number of
 * times Flink restarted the job's source region after a failure.
 */
final class AttemptProbe extends RichMapFunction<RawEvent, RawEvent> {

    /**
     * Static: the MiniCluster runs the tasks in this JVM, and a restart re-creates the function.
     */
    private static final AtomicInteger HIGHEST_ATTEMPT = new AtomicInteger();

    static void reset() {
        HIGHEST_ATTEMPT.set(0);
    }

    static int restarts() {
        return HIGHEST_ATTEMPT.get();
    }

    @Override
    public void open(OpenContext context) {
        HIGHEST_ATTEMPT.accumulateAndGet(
                getRuntimeContext().getTaskInfo().getAttemptNumber(), Math::max);
    }

    @Override
    public RawEvent map(RawEvent event) {
        return event;
    }
}
