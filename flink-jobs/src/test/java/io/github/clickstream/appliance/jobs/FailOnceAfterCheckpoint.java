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

    private transient volatile boolean checkpointed;

    @Override
    public RawEvent map(RawEvent value) throws Exception {
        if (!FAILED.get()) {
            if (checkpointed) {
                FAILED.set(true);
                throw new IllegalStateException("injected failure after a checkpoint");
            }
            Thread.sleep(1); // until then at most ~1,000 records/s, so a checkpoint completes first
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        checkpointed = true;
    }
}
