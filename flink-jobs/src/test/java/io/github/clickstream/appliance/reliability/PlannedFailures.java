package io.github.clickstream.appliance.reliability;

import io.github.clickstream.appliance.events.RawEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * Passes records through and makes its task fail at planned points of the run: once the job has
 * processed a planned number of records (replays included), it throws either on the first record
 * after the next completed checkpoint or on the first record half a checkpoint interval or more
 * after the last one, i.e. in the middle between two checkpoints. Notes when each failure happened
 * and when the restarted job processed its first record again.
 *
 * <p>State is static: the MiniCluster runs the tasks in this JVM, and a restart re-creates the
 * function, which must not fail at the same point again.
 */
final class PlannedFailures extends RichMapFunction<RawEvent, RawEvent>
        implements CheckpointListener {

    enum Kind {
        AFTER_CHECKPOINT,
        BETWEEN_CHECKPOINTS
    }

    /** Fail once {@code atRecord} records went through, at the moment {@code kind} says. */
    record Point(long atRecord, Kind kind) {
        @Override
        public String toString() {
            return atRecord + ":" + (kind == Kind.AFTER_CHECKPOINT ? "after" : "between");
        }
    }

    /** When a failure happened and when the job processed a record again (0 until then). */
    record Failure(Point point, long failedNanos, int attempt, long resumedNanos) {}

    private static volatile List<Point> plan = List.of();
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final AtomicLong RECORDS = new AtomicLong();
    private static final AtomicLong LAST_CHECKPOINT_NANOS = new AtomicLong();
    private static final AtomicBoolean CHECKPOINT_SINCE_ARMED = new AtomicBoolean();
    private static final List<Failure> FAILURES = Collections.synchronizedList(new ArrayList<>());

    private final long halfInterval;

    PlannedFailures(Duration checkpointInterval) {
        this.halfInterval = checkpointInterval.toNanos() / 2;
    }

    /**
     * {@code count} points drawn with {@code seed} between 10 % and 60 % of {@code records} (so
     * each failure, its restart and a checkpoint after it fit before the input ends), at least two
     * thirds of the even spacing apart, alternating the two kinds.
     */
    static List<Point> draw(long seed, int count, long records) {
        Random random = new Random(seed);
        List<Long> at = new ArrayList<>();
        long spacing = (long) (records * 0.5 / count / 1.5);
        while (at.size() < count) {
            long candidate = (long) (records * (0.10 + 0.50 * random.nextDouble()));
            if (at.stream().allMatch(a -> Math.abs(a - candidate) >= spacing)) {
                at.add(candidate);
            }
        }
        Collections.sort(at);
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < at.size(); i++) {
            points.add(
                    new Point(
                            at.get(i),
                            i % 2 == 0 ? Kind.AFTER_CHECKPOINT : Kind.BETWEEN_CHECKPOINTS));
        }
        return points;
    }

    static void arm(List<Point> points) {
        plan = List.copyOf(points);
        NEXT.set(0);
        RECORDS.set(0);
        LAST_CHECKPOINT_NANOS.set(System.nanoTime());
        CHECKPOINT_SINCE_ARMED.set(false);
        FAILURES.clear();
    }

    static List<Failure> failures() {
        synchronized (FAILURES) {
            return List.copyOf(FAILURES);
        }
    }

    /** True once every planned failure happened and the job processed a record after each. */
    static boolean allRecovered() {
        List<Failure> failures = failures();
        return failures.size() == plan.size()
                && failures.stream().allMatch(f -> f.resumedNanos() > 0);
    }

    @Override
    public RawEvent map(RawEvent record) {
        int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
        noteResumed(attempt);
        long seen = RECORDS.incrementAndGet();
        int next = NEXT.get();
        if (next < plan.size() && seen >= plan.get(next).atRecord() && due(plan.get(next))) {
            if (NEXT.compareAndSet(next, next + 1)) {
                FAILURES.add(new Failure(plan.get(next), System.nanoTime(), attempt, 0));
                CHECKPOINT_SINCE_ARMED.set(false);
                throw new IllegalStateException("injected task failure " + plan.get(next));
            }
        }
        return record;
    }

    private boolean due(Point point) {
        return switch (point.kind()) {
            case AFTER_CHECKPOINT -> CHECKPOINT_SINCE_ARMED.get();
            case BETWEEN_CHECKPOINTS ->
                    System.nanoTime() - LAST_CHECKPOINT_NANOS.get() >= halfInterval;
        };
    }

    /** The first record a later attempt processes after a failure: the job is running again. */
    private static void noteResumed(int attempt) {
        synchronized (FAILURES) {
            if (!FAILURES.isEmpty()) {
                int last = FAILURES.size() - 1;
                Failure failure = FAILURES.get(last);
                if (failure.resumedNanos() == 0 && attempt > failure.attempt()) {
                    FAILURES.set(
                            last,
                            new Failure(
                                    failure.point(),
                                    failure.failedNanos(),
                                    failure.attempt(),
                                    System.nanoTime()));
                }
            }
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        LAST_CHECKPOINT_NANOS.set(System.nanoTime());
        int next = NEXT.get();
        if (next < plan.size() && RECORDS.get() >= plan.get(next).atRecord()) {
            CHECKPOINT_SINCE_ARMED.set(true);
        }
    }
}
