package io.github.clickstream.appliance.replay;

/**
 * Keeps a replay at N times real time: the wall-clock time since the first event follows the
 * event-time distance divided by the speed. Speed 0 means as fast as possible.
 */
final class Pacer {

    private final double speed;
    private long firstEventTime = Long.MIN_VALUE;
    private long startedAt;

    Pacer(double speed) {
        if (speed < 0) {
            throw new IllegalArgumentException("--speed must be 0 (as fast as possible) or more");
        }
        this.speed = speed;
    }

    void await(long eventTime) throws InterruptedException {
        if (speed == 0) {
            return;
        }
        if (firstEventTime == Long.MIN_VALUE) {
            firstEventTime = eventTime;
            startedAt = System.nanoTime();
            return;
        }
        long dueNanos = startedAt + (long) ((eventTime - firstEventTime) * 1_000_000 / speed);
        long waitNanos = dueNanos - System.nanoTime();
        if (waitNanos > 0) {
            Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
        }
    }
}
