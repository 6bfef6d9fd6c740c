package io.github.clickstream.appliance.bench;

import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.pipeline.ClickstreamPipeline;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.state.rocksdb.RocksDBConfigurableOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * The whole job (parse, dedup, sessions, features, scoring, item vectors, metrics, and the
 * Elasticsearch documents built from them) reading {@link EventFiles} on an in-process Flink with a
 * chosen state backend, its documents dropped instead of sent: what is measured is Flink's state
 * and Flink's work, not Elasticsearch's. The file source either ends with the files (a bounded run,
 * whose end of input fires every timer and clears the state) or keeps watching the folder (a run
 * that stays open, so the state of every user is still there when it is measured).
 */
final class FileFedJob {

    /** Flink's two state backends, by their {@code state.backend.type} names. */
    enum Backend {
        ROCKSDB("rocksdb"),
        HASHMAP("hashmap");

        final String type;

        Backend(String type) {
            this.type = type;
        }
    }

    /**
     * Events read so far by every source subtask, and the wall-clock and this process's CPU time
     * when the first was read. Static because the job runs in this JVM (a local MiniCluster), one
     * job at a time; reset by {@link #wire}.
     */
    static final AtomicLong EVENTS_READ = new AtomicLong();

    static final AtomicLong FIRST_EVENT_NANOS = new AtomicLong();
    static final AtomicLong FIRST_EVENT_CPU_NANOS = new AtomicLong();

    private FileFedJob() {}

    /**
     * The managed memory of the docker stack's TaskManager (the Flink image's default 1,728 MB
     * process: 40 % of its 1,280 MB Flink memory), which RocksDB uses for memtables and block
     * cache. The local cluster's own default (128 MB) made RocksDB flush tiny memtables and stall
     * writes once the state reached a few hundred MB.
     */
    private static final MemorySize MANAGED_MEMORY = MemorySize.ofMebiBytes(512);

    /**
     * A local environment with full (not incremental) checkpoints and savepoints in {@code
     * stateDirectory}: a full snapshot holds the live state once, so its size is the state's.
     */
    static StreamExecutionEnvironment environment(
            Backend backend, int parallelism, Path stateDirectory) {
        Configuration conf = new Configuration();
        conf.set(StateBackendOptions.STATE_BACKEND, backend.type);
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MANAGED_MEMORY);
        // as in the docker stack: the funnel aggregator looks up every new session id, and
        // without bloom filters each miss reads every level (4,500 → 870 events/s at 1 M users)
        conf.set(RocksDBConfigurableOptions.USE_BLOOM_FILTER, true);
        conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, false);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(
                CheckpointingOptions.CHECKPOINTS_DIRECTORY,
                stateDirectory.resolve("checkpoints").toUri().toString());
        conf.set(
                CheckpointingOptions.SAVEPOINT_DIRECTORY,
                stateDirectory.resolve("savepoints").toUri().toString());
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, conf);
    }

    static void wire(StreamExecutionEnvironment env, EventFiles files, boolean keepOpen) {
        EVENTS_READ.set(0);
        FIRST_EVENT_NANOS.set(0);
        FIRST_EVENT_CPU_NANOS.set(0);
        FileSource.FileSourceBuilder<String> source =
                FileSource.forRecordStreamFormat(
                        new TextLineInputFormat(),
                        new org.apache.flink.core.fs.Path(files.directory().toUri()));
        if (keepOpen) {
            source.monitorContinuously(Duration.ofSeconds(1));
        }
        DataStream<RawEvent> raw =
                env.fromSource(source.build(), WatermarkStrategy.noWatermarks(), "Event files")
                        .uid("event-files")
                        .map(new CountedRawEvent())
                        .uid("counted-raw-events")
                        .name("Count events read");
        // As ClickstreamJob does for bounded runs: a finished split must not hold event time back.
        PipelineConfig config =
                keepOpen ? PipelineConfig.defaults() : PipelineConfig.defaults().withoutIdleness();
        ClickstreamPipeline.build(ClickstreamPipeline.withEventTime(raw, config), config)
                .documentWrites()
                .sinkTo(new DiscardingSink<>())
                .uid("discard-documents")
                .name("Drop the documents");
    }

    /** A line of a file as the raw event the job's Kafka source would have produced. */
    private static final class CountedRawEvent implements MapFunction<String, RawEvent> {
        @Override
        public RawEvent map(String line) {
            if (EVENTS_READ.getAndIncrement() == 0) {
                FIRST_EVENT_NANOS.set(System.nanoTime());
                FIRST_EVENT_CPU_NANOS.set(ProcessCpu.thisJvmNanos());
            }
            return new RawEvent(line.getBytes(StandardCharsets.UTF_8), "bench-file", 0);
        }
    }
}
