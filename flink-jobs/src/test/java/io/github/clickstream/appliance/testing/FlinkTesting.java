package io.github.clickstream.appliance.testing;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster every Flink test runs on, and environments that refuse Kryo fallbacks. */
public final class FlinkTesting {

    private FlinkTesting() {}

    /** One task manager with two slots: parallelism 2, as on the build machines' two cores. */
    public static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(2)
                        .build());
    }

    /**
     * One task manager with {@code slots} slots, for a job of that parallelism (e.g. restored at a
     * higher one), and network memory to match: the job's many keyed exchanges at parallelism 4
     * need more buffers than the MiniCluster's default.
     */
    public static MiniClusterExtension miniCluster(int slots) {
        Configuration conf = new Configuration();
        MemorySize network = MemorySize.ofMebiBytes(64L * slots);
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, network);
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, network);
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setConfiguration(conf)
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(slots)
                        .build());
    }

    /** Fails loudly if any type would fall back to Kryo. */
    public static StreamExecutionEnvironment strictEnvironment(int parallelism) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        return env;
    }
}
