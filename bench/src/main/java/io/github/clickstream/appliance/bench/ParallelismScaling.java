package io.github.clickstream.appliance.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.FileUtils;

/**
 * Events per second of the whole job (RocksDB state, documents dropped, no periodic checkpoints) on
 * the same files at parallelism 1 and 2, alternating in every round after one uncounted warm-up of
 * each. Counted from the first event read to the end of the job (which includes the final flush of
 * every timer and window) so that the local cluster's start-up does not dilute the rate; also
 * events per CPU-second of this JVM over the same span.
 */
final class ParallelismScaling {

    /** One run: events over wall-clock seconds and over CPU-seconds of this process. */
    record Rate(double eventsPerSecond, double eventsPerCpuSecond) {}

    /** The rate of every round at parallelism 1 and at parallelism 2. */
    record Rounds(Rate[] one, Rate[] two) {}

    private ParallelismScaling() {}

    static Rounds measure(EventFiles files, int rounds) throws Exception {
        Rate[] one = new Rate[rounds];
        Rate[] two = new Rate[rounds];
        for (int round = 0; round < rounds; round++) {
            one[round] = run(files, 1);
            two[round] = run(files, 2);
            System.out.printf(
                    "  scaling round %d: parallelism 1 %s events/s (%s per CPU-s),"
                            + " parallelism 2 %s events/s (%s per CPU-s)%n",
                    round + 1,
                    Numbers.format(one[round].eventsPerSecond()),
                    Numbers.format(one[round].eventsPerCpuSecond()),
                    Numbers.format(two[round].eventsPerSecond()),
                    Numbers.format(two[round].eventsPerCpuSecond()));
        }
        return new Rounds(one, two);
    }

    private static Rate run(EventFiles files, int parallelism) throws Exception {
        Path stateDirectory = Files.createTempDirectory("bench-scaling-");
        try {
            StreamExecutionEnvironment env =
                    FileFedJob.environment(FileFedJob.Backend.ROCKSDB, parallelism, stateDirectory);
            FileFedJob.wire(env, files, false);
            env.execute("scaling, parallelism " + parallelism);
            double seconds = (System.nanoTime() - FileFedJob.FIRST_EVENT_NANOS.get()) / 1e9;
            double cpuSeconds =
                    (ProcessCpu.thisJvmNanos() - FileFedJob.FIRST_EVENT_CPU_NANOS.get()) / 1e9;
            if (FileFedJob.EVENTS_READ.get() != files.events()) {
                throw new IllegalStateException(
                        "the job read "
                                + FileFedJob.EVENTS_READ.get()
                                + " events, the files hold "
                                + files.events());
            }
            return new Rate(files.events() / seconds, files.events() / cpuSeconds);
        } finally {
            FileUtils.deleteDirectoryQuietly(stateDirectory.toFile());
        }
    }
}
