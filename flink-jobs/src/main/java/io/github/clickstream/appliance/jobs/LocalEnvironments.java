package io.github.clickstream.appliance.jobs;

import java.nio.file.Path;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * In-process Flink for the demo and the benchmarks. Checkpoints go to a folder: Flink's default
 * keeps them in the JobManager's memory, capped at 5 MB, which the user state outgrows within
 * minutes (checkpoints then fail and the job restarts in a loop).
 */
public final class LocalEnvironments {

    private LocalEnvironments() {}

    public static StreamExecutionEnvironment withCheckpointsIn(Path directory, int parallelism) {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, directory.toUri().toString());
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    }
}
