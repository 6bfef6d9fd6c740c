package io.github.clickstream.appliance.reliability;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run measured, printed as one line that {@code docs/reliability.md} quotes. {@code fault}
 * is null for a run without one.
 */
record RunFigures(
        String name,
        int events,
        double perSecond,
        FaultFigures fault,
        int restarts,
        long restoredCheckpoints,
        long checkpointsCompleted,
        long checkpointsFailed,
        Duration runTime,
        Map<String, Object> extra) {

    /**
     * How long the fault lasted (until the service answered again), the highest consumer lag seen
     * meanwhile, the lag when it ended, and how long the job took to commit the backlog after.
     */
    record FaultFigures(Duration duration, long peakLag, long lagAtRecovery, Duration drainTime) {}

    /** The same figures plus one scenario-specific one, e.g. Elasticsearch's rejection count. */
    RunFigures with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(extra);
        more.put(key, value);
        return new RunFigures(
                name,
                events,
                perSecond,
                fault,
                restarts,
                restoredCheckpoints,
                checkpointsCompleted,
                checkpointsFailed,
                runTime,
                more);
    }

    /** Prints the figures where the test report keeps them (the test's standard output). */
    void print() {
        StringBuilder line = new StringBuilder("RELIABILITY " + name);
        line.append(" events=").append(events);
        line.append(" rate=").append(perSecond > 0 ? Math.round(perSecond) + "/s" : "unpaced");
        if (fault != null) {
            line.append(" fault=").append(seconds(fault.duration()));
            line.append(" peakLag=").append(fault.peakLag());
            line.append(" lagAtRecovery=").append(fault.lagAtRecovery());
            line.append(" drain=").append(seconds(fault.drainTime()));
        }
        line.append(" restarts=").append(restarts);
        line.append(" restoredCheckpoints=").append(restoredCheckpoints);
        line.append(" checkpoints=").append(checkpointsCompleted);
        line.append(" failedCheckpoints=").append(checkpointsFailed);
        line.append(" runTime=").append(seconds(runTime));
        extra.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        System.out.println(line);
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
    }
}
