package io.github.clickstream.appliance.jobs;

import io.github.clickstream.appliance.events.RawEvent;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through, and throws once, on the first record after a checkpoint completed: the
 * task fails mid-stream and Flink must restore from that checkpoint. Slows the stream a little
 * until then, so a checkpoint can complete before the input runs out.
 */
final class FailOnceAfterCheckpoint implements MapFunction<RawEvent, RawEvent>, CheckpointListener {

    /** Static: the flag must survive the restore that re-creates this function. */
    static final AtomicBoolean FAILED = new AtomicBoolean();

    /**
     * After this many records without a checkpoint (a loaded machine is slow to take one), slow
     * down further. Sleeping per record, never blocking: the task thread must stay free to let the
     * checkpoint's barrier through between records.
     */
    private static final int SLOWER_AFTER = 2_000;

    private transient volatile boolean checkpointed;
    private transient int seen;

    @Override
    public RawEvent map(RawEvent value) throws Exception {
        if (!FAILED.get()) {
            if (checkpointed) {
                FAILED.set(true);
                throw new IllegalStateException("injected failure after a checkpoint");
            }
            // until then at most ~1,000 records/s, so a checkpoint completes first
            Thread.sleep(++seen < SLOWER_AFTER ? 1 : 20);
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
