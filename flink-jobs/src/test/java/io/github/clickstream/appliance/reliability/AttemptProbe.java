package io.github.clickstream.appliance.reliability;

import io.github.clickstream.appliance.events.RawEvent;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Passes events through and remembers the highest attempt number its tasks ran with: the number of
 * times Flink restarted the job's source region after a failure. Also notes when the first record
 * went through, where a throughput measurement starts.
 */
final class AttemptProbe extends RichMapFunction<RawEvent, RawEvent> {

    /**
     * Static: the MiniCluster runs the tasks in this JVM, and a restart re-creates the function.
     */
    private static final AtomicInteger HIGHEST_ATTEMPT = new AtomicInteger();

    private static final AtomicLong FIRST_RECORD_NANOS = new AtomicLong();

    static void reset() {
        HIGHEST_ATTEMPT.set(0);
        FIRST_RECORD_NANOS.set(0);
    }

    /** {@link System#nanoTime()} when the first record of the run went through, 0 before. */
    static long firstRecordNanos() {
        return FIRST_RECORD_NANOS.get();
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
        if (FIRST_RECORD_NANOS.get() == 0) {
            FIRST_RECORD_NANOS.compareAndSet(0, System.nanoTime());
        }
        return event;
    }
}
