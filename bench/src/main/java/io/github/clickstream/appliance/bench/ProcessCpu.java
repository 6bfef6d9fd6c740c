package io.github.clickstream.appliance.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM, or by a child service (Elasticsearch, Kafka, the search API)
 * and everything it started, so a per-core figure counts every process that did the work.
 */
final class ProcessCpu {

    private static final OperatingSystemMXBean OS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {}

    /** Nanoseconds of CPU this JVM has used so far, every thread. */
    static long thisJvmNanos() {
        return OS.getProcessCpuTime();
    }

    /** Seconds of CPU of the process {@code pid} and its descendants; NaN when it is gone. */
    static double treeSeconds(long pid) {
        // When run as root a service is started through a user switch: count the whole tree.
        return ProcessHandle.of(pid)
                .map(
                        root ->
                                Stream.concat(Stream.of(root), root.descendants())
                                        .mapToDouble(ProcessCpu::seconds)
                                        .sum())
                .orElse(Double.NaN);
    }

    private static double seconds(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }
}
