package io.connwatch.runner.daemon;

import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** {@link DaemonClock#system()}: {@link System#nanoTime()}, the UTC wall clock, and a latch wait. */
final class SystemDaemonClock implements DaemonClock {

    static final SystemDaemonClock INSTANCE = new SystemDaemonClock();

    private SystemDaemonClock() {
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Instant wallTime() {
        return Instant.now();
    }

    @Override
    public boolean sleepUntil(long deadline, CountDownLatch stop) throws InterruptedException {
        return stop.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }
}
