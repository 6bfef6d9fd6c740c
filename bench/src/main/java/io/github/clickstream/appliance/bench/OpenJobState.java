package io.github.clickstream.appliance.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.checkpoint.CheckpointException;
import org.apache.flink.runtime.checkpoint.CheckpointFailureReason;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ExceptionUtils;
import org.apache.flink.util.FileUtils;

/**
 * The job's state once it has read every event of {@link EventFiles} while its source stays open,
 * so no end of input has fired the timers that close sessions and clear state: a canonical
 * savepoint (Flink's backend-independent format, every live key and value serialized once), with
 * RocksDB also a native savepoint (RocksDB's own compressed SST files, near what its disk holds,
 * varying with how far compaction got), and the heap after a full GC of this JVM, where the
 * in-process Flink runs.
 *
 * @param nativeFormat null for the heap backend (its native format is the canonical one)
 */
record OpenJobState(SavepointSize canonical, SavepointSize nativeFormat, long heapAfterGc) {

    static OpenJobState measure(EventFiles files, FileFedJob.Backend backend, int parallelism)
            throws Exception {
        Path stateDirectory = Files.createTempDirectory("bench-memory-");
        try {
            StreamExecutionEnvironment env =
                    FileFedJob.environment(backend, parallelism, stateDirectory);
            FileFedJob.wire(env, files, true);
            JobClient job = env.executeAsync("memory, " + backend.type);
            try {
                awaitEveryEventRead(job, files.events());
                // A savepoint's barrier follows the last event through every operator: once it
                // completes, every event has been processed and its state is in the savepoint.
                SavepointSize canonical =
                        savepoint(job, SavepointFormatType.CANONICAL, files.events());
                SavepointSize nativeFormat =
                        backend == FileFedJob.Backend.ROCKSDB
                                ? savepoint(job, SavepointFormatType.NATIVE, files.events())
                                : null;
                return new OpenJobState(canonical, nativeFormat, usedHeapAfterGc());
            } finally {
                job.cancel().get();
                // wait until the job and its local cluster are gone before the next one starts
                job.getJobExecutionResult().handle((result, failure) -> null).get();
            }
        } finally {
            FileUtils.deleteDirectoryQuietly(stateDirectory.toFile());
        }
    }

    /**
     * A savepoint, once every task runs: on a loaded machine some tasks (scoring loads its models)
     * may still be starting when the source has read everything, and Flink refuses until then.
     */
    private static SavepointSize savepoint(JobClient job, SavepointFormatType format, long events)
            throws Exception {
        long deadline = System.nanoTime() + timeout(events).toNanos();
        while (true) {
            try {
                return SavepointSize.of(job.triggerSavepoint(null, format).get());
            } catch (ExecutionException e) {
                boolean starting =
                        ExceptionUtils.findThrowable(e, CheckpointException.class)
                                .filter(
                                        c ->
                                                c.getCheckpointFailureReason()
                                                        == CheckpointFailureReason
                                                                .NOT_ALL_REQUIRED_TASKS_RUNNING)
                                .isPresent();
                if (!starting || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(1_000);
            }
        }
    }

    private static void awaitEveryEventRead(JobClient job, long events) throws Exception {
        long deadline = System.nanoTime() + timeout(events).toNanos();
        while (FileFedJob.EVENTS_READ.get() < events) {
            JobStatus status = job.getJobStatus().get();
            if (status.isGloballyTerminalState()) {
                throw new IllegalStateException(
                        "the job ended ("
                                + status
                                + ") after reading "
                                + FileFedJob.EVENTS_READ.get()
                                + " of "
                                + events
                                + " events; see its log above");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the job read only "
                                + FileFedJob.EVENTS_READ.get()
                                + " of "
                                + events
                                + " events within "
                                + timeout(events));
            }
            Thread.sleep(200);
        }
    }

    /** Generous: a minute to start plus 500 events/s, a tenth of the slowest rate seen. */
    private static Duration timeout(long events) {
        return Duration.ofSeconds(60 + events / 500);
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
