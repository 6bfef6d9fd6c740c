package io.github.clickstream.appliance.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/** The machine the figures were measured on, recorded with them. */
record MachineDescription(
        String measuredAt,
        int cores,
        long memoryBytes,
        String java,
        String os,
        double loadAverageAtStart) {

    static MachineDescription ofThisMachine() {
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new MachineDescription(
                Instant.now().toString(),
                Runtime.getRuntime().availableProcessors(),
                os.getTotalMemorySize(),
                System.getProperty("java.vm.name")
                        + " "
                        + System.getProperty("java.runtime.version"),
                System.getProperty("os.name")
                        + " "
                        + System.getProperty("os.version")
                        + " "
                        + System.getProperty("os.arch"),
                os.getSystemLoadAverage());
    }

    String oneLine() {
        return "%d cores, %.1f GiB memory, %s, %s, load average %.1f at start, %s"
                .formatted(
                        cores,
                        memoryBytes / (1024.0 * 1024 * 1024),
                        java,
                        os,
                        loadAverageAtStart,
                        measuredAt);
    }
}
