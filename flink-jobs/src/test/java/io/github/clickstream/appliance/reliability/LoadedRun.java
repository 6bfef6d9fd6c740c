package io.github.clickstream.appliance.reliability;

import io.github.clickstream.appliance.events.ClickEvent;
import io.github.clickstream.appliance.events.RawEvent;
import io.github.clickstream.appliance.events.RawEventDeserializer;
import io.github.clickstream.appliance.localstack.KafkaBroker;
import io.github.clickstream.appliance.mappings.ElasticsearchConnection;
import io.github.clickstream.appliance.pipeline.ClickstreamPipeline;
import io.github.clickstream.appliance.pipeline.PipelineConfig;
import io.github.clickstream.appliance.sink.DocumentWrite;
import io.github.clickstream.appliance.sink.ElasticsearchSink;
import io.github.clickstream.appliance.sink.ElasticsearchSinkConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.JobID;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.checkpoint.CheckpointStatsCounts;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.common.TopicPartition;

/**
 * One run of the pipeline job on the MiniCluster under load: a {@link PacedProducer} fills a fresh
 * topic while the job reads it up to the offsets where the input ends, and writes to Elasticsearch
 * through the production sink. Once a share of the input is sent and a checkpoint completed, the
 * fault (if any) runs; the run measures the consumer lag while it lasts, how long the backlog takes
 * to drain afterwards, restarts and checkpoints.
 */
final class LoadedRun {

    /** Something that goes wrong and, when this returns, is over (the service is back). */
    @FunctionalInterface
    interface Fault {
        void inject() throws Exception;
    }

    private static final int PARTITIONS = 2;
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(15);
    private static final long POLL_MILLIS = 250;

    private final MiniCluster cluster;
    private final KafkaBroker kafka;
    private final String bootstrapServers;
    private final ElasticsearchConnection elasticsearch;
    private List<PacedProducer.Record> records;
    private UnaryOperator<DataStream<RawEvent>> input = raw -> raw;
    private UnaryOperator<DataStream<DocumentWrite>> writes = w -> w;

    LoadedRun(
            MiniCluster cluster,
            KafkaBroker kafka,
            ElasticsearchConnection elasticsearch,
            List<ClickEvent> events) {
        this.cluster = cluster;
        this.kafka = kafka;
        this.bootstrapServers = kafka.bootstrapServers();
        this.elasticsearch = elasticsearch;
        this.records = PacedProducer.Record.of(events);
    }

    /** Sends these records instead of the events, e.g. bad records mixed into valid ones. */
    LoadedRun withRecords(List<PacedProducer.Record> mixed) {
        this.records = mixed;
        return this;
    }

    /** Changes the job's input right after the source, e.g. to make a task fail. */
    LoadedRun withInput(UnaryOperator<DataStream<RawEvent>> change) {
        this.input = change;
        return this;
    }

    /** The topic a run of this name reads. */
    static String topic(String name) {
        return "reliability-" + name;
    }

    /** The partitions of every run's topic, and the job's parallelism. */
    static int partitions() {
        return PARTITIONS;
    }

    /** Changes the job's Elasticsearch writes before the sink, e.g. to add a poison document. */
    LoadedRun withWrites(UnaryOperator<DataStream<DocumentWrite>> change) {
        this.writes = change;
        return this;
    }

    /** The whole input as fast as possible, without a fault: the reference run. */
    RunFigures unpaced(String name) throws Exception {
        return run(name, 0, 0, null);
    }

    /**
     * Sends the input at {@code perSecond} and injects {@code fault} once {@code faultAfter} (a
     * share, 0..1) of it is in Kafka and a checkpoint completed.
     */
    RunFigures run(String name, double perSecond, double faultAfter, Fault fault) throws Exception {
        OutputIndices.reset(elasticsearch);
        String topic = topic(name);
        PacedProducer producer =
                new PacedProducer(bootstrapServers, topic, PARTITIONS, records, perSecond);
        Map<TopicPartition, Long> end = producer.endOffsets();
        kafka.createTopic(topic, PARTITIONS);
        AttemptProbe.reset();
        long started = System.nanoTime();
        JobClient job = submit(name, topic, end);
        try (producer;
                ConsumerLag lag = new ConsumerLag(bootstrapServers, name, end)) {
            producer.start();
            RunFigures.FaultFigures faultFigures = null;
            if (fault != null) {
                awaitWarmUp(producer, faultAfter, job.getJobID());
                faultFigures = injectAndMeasure(fault, lag, job);
            }
            producer.awaitAllSent(RUN_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            job.getJobExecutionResult().get(RUN_TIMEOUT.toMinutes(), TimeUnit.MINUTES);
            CheckpointStatsCounts checkpoints = checkpoints(job.getJobID());
            return new RunFigures(
                    name,
                    records.size(),
                    perSecond,
                    faultFigures,
                    AttemptProbe.restarts(),
                    checkpoints.getNumberOfRestoredCheckpoints(),
                    checkpoints.getNumberOfCompletedCheckpoints(),
                    checkpoints.getNumberOfFailedCheckpoints(),
                    Duration.ofNanos(System.nanoTime() - started),
                    Map.of());
        } catch (Exception | AssertionError e) {
            try {
                job.cancel().get(30, TimeUnit.SECONDS);
            } catch (Exception finishedOrGone) {
                e.addSuppressed(finishedOrGone);
            }
            throw e;
        }
    }

    private JobClient submit(String name, String topic, Map<TopicPartition, Long> end)
            throws Exception {
        // Flink's default restart strategy with checkpoints (exponential delay), as in production.
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(PARTITIONS);
        env.enableCheckpointing(CHECKPOINT_INTERVAL.toMillis());
        // A bounded input ends with a jump of the watermark: see RestartITCase on re-scoring.
        PipelineConfig config = PipelineConfig.defaults().withoutInactivityRescoring();
        DataStream<RawEvent> source =
                env.fromSource(
                                KafkaSource.<RawEvent>builder()
                                        .setBootstrapServers(bootstrapServers)
                                        .setTopics(topic)
                                        .setGroupId(name)
                                        .setStartingOffsets(OffsetsInitializer.earliest())
                                        .setBounded(OffsetsInitializer.offsets(end))
                                        .setDeserializer(new RawEventDeserializer())
                                        .build(),
                                ClickstreamPipeline.eventTime(config),
                                "Kafka clickstream")
                        .uid("kafka-clickstream")
                        .map(new AttemptProbe())
                        .uid("attempt-probe")
                        .name("Count attempts");
        DataStream<RawEvent> raw = input.apply(source);
        DataStream<DocumentWrite> documents =
                ClickstreamPipeline.build(raw, config).documentWrites();
        writes.apply(documents)
                .sinkTo(new ElasticsearchSink(ElasticsearchSinkConfig.defaults(elasticsearch)))
                .uid("elasticsearch-sink")
                .name("Write to Elasticsearch");
        return env.executeAsync(name);
    }

    private void awaitWarmUp(PacedProducer producer, double share, JobID job) throws Exception {
        long deadline = System.nanoTime() + RUN_TIMEOUT.toNanos();
        while (producer.acknowledged() < share * producer.total()
                || checkpoints(job).getNumberOfCompletedCheckpoints() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The job took no checkpoint within " + RUN_TIMEOUT);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private static RunFigures.FaultFigures injectAndMeasure(
            Fault fault, ConsumerLag lag, JobClient job) throws Exception {
        AtomicLong peakLag = new AtomicLong(-1);
        Thread sampler =
                new Thread(
                        () -> {
                            while (!Thread.currentThread().isInterrupted()) {
                                peakLag.accumulateAndGet(lag.lag(), Math::max);
                                try {
                                    Thread.sleep(POLL_MILLIS);
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                        },
                        "lag sampler");
        sampler.start();
        long faultStart = System.nanoTime();
        try {
            fault.inject();
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        long recovered = System.nanoTime();
        Map<TopicPartition, Long> backlogEnd = awaitEndOffsets(lag);
        long lagAtRecovery = lag.lag();
        while (!lag.caughtUpWith(backlogEnd)
                && !job.getJobStatus().get().isGloballyTerminalState()) {
            if (System.nanoTime() - recovered > RUN_TIMEOUT.toNanos()) {
                throw new IllegalStateException("The backlog did not drain within " + RUN_TIMEOUT);
            }
            Thread.sleep(POLL_MILLIS);
        }
        return new RunFigures.FaultFigures(
                Duration.ofNanos(recovered - faultStart),
                Math.max(peakLag.get(), lagAtRecovery),
                lagAtRecovery,
                Duration.ofNanos(System.nanoTime() - recovered));
    }

    /** The topic's end offsets once Kafka answers again (right away unless Kafka was the fault). */
    private static Map<TopicPartition, Long> awaitEndOffsets(ConsumerLag lag)
            throws InterruptedException {
        Map<TopicPartition, Long> end;
        while ((end = lag.endOffsets()) == null) {
            Thread.sleep(POLL_MILLIS);
        }
        return end;
    }

    private CheckpointStatsCounts checkpoints(JobID job) throws Exception {
        return cluster.getExecutionGraph(job)
                .get(30, TimeUnit.SECONDS)
                .getCheckpointStatsSnapshot()
                .getCounts();
    }
}
