package io.connwatch.runner.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * Virtual time for the daemon's tests: the monotonic clock moves only when the test says, and the wall clock moves
 * with it. {@link #tick()} lets exactly one sampling cycle run and returns once it has finished, so a test drives
 * the daemon tick by tick, fast and deterministically.
 */
final class ManualDaemonClock implements DaemonClock {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Instant wallAtZero;
    private long nanos;
    /** The deadline the sampling thread waits for, or -1 when it is not waiting. */
    private long waitingFor = -1;

    /** @param wallAtZero the wall-clock time at virtual nanosecond 0 */
    ManualDaemonClock(Instant wallAtZero) {
        this.wallAtZero = wallAtZero;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    @Override
    public synchronized Instant wallTime() {
        return wallAtZero.plusNanos(nanos);
    }

    @Override
    public synchronized boolean sleepUntil(long deadline, CountDownLatch stop) throws InterruptedException {
        while (nanos < deadline && stop.getCount() > 0) {
            waitingFor = deadline;
            notifyAll();
            wait(5); // short, to notice stop(), which does not notify this monitor
        }
        waitingFor = -1;
        notifyAll();
        return stop.getCount() == 0;
    }

    /** Moves time on, as a slow sampling cycle would. */
    synchronized void advance(Duration d) {
        nanos += d.toNanos();
        notifyAll();
    }

    /** Waits for the sampler to wait for its next tick, moves time to it, and waits until that cycle has finished. */
    synchronized void tick() throws InterruptedException {
        awaitSamplerWaiting();
        nanos = waitingFor;
        waitingFor = -1;
        notifyAll();
        awaitSamplerWaiting();
    }

    /** Runs {@code n} ticks. */
    void ticks(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            tick();
        }
    }

    private void awaitSamplerWaiting() throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (waitingFor <= nanos) {
            if (System.nanoTime() > end) {
                throw new AssertionError("the sampler did not wait for its next tick within " + PATIENCE);
            }
            wait(10);
        }
    }
}
