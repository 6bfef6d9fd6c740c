package io.github.clickstream.appliance.bench;

import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobInfo;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.api.common.operators.MailboxExecutor;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.runtime.metrics.groups.InternalSinkWriterMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.util.UserCodeClassLoader;

/**
 * Just enough of Flink's writer context to create a sink writer outside a job, so a benchmark can
 * call it directly: unregistered metrics, and processing-time timers that never fire (the caller
 * flushes, as a checkpoint would). Everything else is unsupported.
 */
final class DirectWriterContext implements WriterInitContext, AutoCloseable {

    private final ScheduledExecutorService never = Executors.newSingleThreadScheduledExecutor();

    @Override
    public ProcessingTimeService getProcessingTimeService() {
        return new ProcessingTimeService() {
            @Override
            public long getCurrentProcessingTime() {
                return System.currentTimeMillis();
            }

            @Override
            public ScheduledFuture<?> registerTimer(long time, ProcessingTimeCallback callback) {
                return never.schedule(() -> {}, 365, TimeUnit.DAYS);
            }
        };
    }

    @Override
    public SinkWriterMetricGroup metricGroup() {
        return InternalSinkWriterMetricGroup.wrap(
                UnregisteredMetricGroups.createUnregisteredOperatorMetricGroup());
    }

    @Override
    public OptionalLong getRestoredCheckpointId() {
        return OptionalLong.empty();
    }

    @Override
    public UserCodeClassLoader getUserCodeClassLoader() {
        throw unsupported();
    }

    @Override
    public MailboxExecutor getMailboxExecutor() {
        throw unsupported();
    }

    @Override
    public SerializationSchema.InitializationContext asSerializationSchemaInitializationContext() {
        throw unsupported();
    }

    @Override
    public boolean isObjectReuseEnabled() {
        return false;
    }

    @Override
    public <IN> TypeSerializer<IN> createInputSerializer() {
        throw unsupported();
    }

    @Override
    public JobInfo getJobInfo() {
        throw unsupported();
    }

    @Override
    public TaskInfo getTaskInfo() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not needed to run a sink writer directly");
    }

    @Override
    public void close() {
        never.shutdownNow();
    }
}
