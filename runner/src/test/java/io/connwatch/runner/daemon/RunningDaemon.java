package io.connwatch.runner.daemon;

import io.connwatch.runner.Await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A {@link Daemon} whose {@link Daemon#run()} runs on a thread of its own, on virtual time ({@link ManualDaemonClock}):
 * the in-process tests tick it, await its sends and stop it.
 */
final class RunningDaemon implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Daemon daemon;
    private final ManualDaemonClock clock;
    private final Thread thread;
    private final AtomicInteger exit = new AtomicInteger(-1);

    private RunningDaemon(Daemon daemon, ManualDaemonClock clock, ClassLoader contextClassLoader) {
        this.daemon = daemon;
        this.clock = clock;
        this.thread = new Thread(() -> exit.set(daemon.run()), "test-daemon");
        // The sending thread, which run() starts, inherits it.
        thread.setContextClassLoader(contextClassLoader);
    }

    /** Starts {@code daemon}, built on {@code clock}, with this thread's context class loader. */
    static RunningDaemon start(Daemon daemon, ManualDaemonClock clock) {
        return start(daemon, clock, Thread.currentThread().getContextClassLoader());
    }

    /**
     * Starts {@code daemon}, built on {@code clock}.
     *
     * @param contextClassLoader the context class loader of the thread that runs it, and so of its sending thread
     */
    static RunningDaemon start(Daemon daemon, ManualDaemonClock clock, ClassLoader contextClassLoader) {
        RunningDaemon running = new RunningDaemon(daemon, clock, contextClassLoader);
        running.thread.start();
        return running;
    }

    /** Its clock, to tick. */
    ManualDaemonClock clock() {
        return clock;
    }

    /** Ticks once and waits for the send it leads to. */
    void tickAndAwaitSend() throws InterruptedException {
        long before = daemon.sends();
        clock.tick();
        Await.until(() -> daemon.sends() > before, PATIENCE, "a send");
    }

    /** Stops the daemon, waits for it to finish, and checks that it ended with status 0. */
    void stopAndAwait() throws InterruptedException {
        daemon.stop();
        assertTrue(daemon.awaitFinished(PATIENCE.plusSeconds(5)), "the daemon did not finish");
        thread.join(PATIENCE.toMillis());
        assertEquals(0, exit.get());
    }

    @Override
    public void close() throws InterruptedException {
        daemon.stop();
        thread.join(PATIENCE.multipliedBy(2).toMillis());
    }
}
