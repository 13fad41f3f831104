package io.connwatch.runner.daemon;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * The two clocks the daemon needs: a monotonic one that schedules the ticks (it never jumps, so the rate never
 * drifts), and the wall clock that stamps them. Tests supply a virtual one.
 */
public interface DaemonClock {

    /** Monotonic nanoseconds, as {@link System#nanoTime()}: only differences mean anything. */
    long nanoTime();

    /** The wall-clock time now. */
    Instant wallTime();

    /**
     * Waits until {@link #nanoTime()} reaches {@code deadline}, or {@code stop} is released, whichever is first.
     *
     * @param deadline the monotonic time to wait for
     * @param stop     released when the daemon must stop
     * @return whether {@code stop} was released
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean sleepUntil(long deadline, CountDownLatch stop) throws InterruptedException;

    /** The system's clocks: {@link System#nanoTime()} and UTC wall time. */
    static DaemonClock system() {
        return SystemDaemonClock.INSTANCE;
    }
}
