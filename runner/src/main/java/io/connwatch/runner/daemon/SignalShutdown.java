package io.connwatch.runner.daemon;

import io.connwatch.runner.command.ExitCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM shutdown hook that SIGTERM, SIGINT and SIGHUP start: stops the daemon, waits for its last send (bounded),
 * and ends the process with the daemon's status.
 *
 * <p>It ends the process with {@link Runtime#halt(int)}: after a signal the JVM would otherwise exit with 128 + the
 * signal's number (143 for SIGTERM), which systemd counts as a failure, and {@link System#exit(int)} called during
 * shutdown blocks forever. The main thread, back from {@link Daemon#run()}, blocks in its own
 * {@code System.exit} until this hook halts.
 */
final class SignalShutdown extends Thread {

    private static final Logger LOG = LoggerFactory.getLogger(SignalShutdown.class);

    private final Daemon daemon;
    private final Duration wait;
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * @param daemon the daemon to stop
     * @param wait   how long to wait for it to finish, its flush timeout included
     */
    SignalShutdown(Daemon daemon, Duration wait) {
        super("connwatch-shutdown");
        this.daemon = daemon;
        this.wait = wait;
    }

    @Override
    public void run() {
        started.set(true);
        long began = System.nanoTime();
        LOG.info("stopping: sending what is held (for at most {} s)", wait.toSeconds());
        daemon.stop();
        int status;
        try {
            status = daemon.awaitFinished(wait) ? daemon.exitCode() : ExitCode.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = ExitCode.FAILED;
        }
        if (status != ExitCode.OK) {
            LOG.error("stopped with status {} after {} ms", status, (System.nanoTime() - began) / 1_000_000);
        }
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(status);
    }

    /** Unregisters the hook when the daemon ended on its own, so that a later exit does not run it. */
    void removeUnlessStarted() {
        if (started.get()) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(this);
        } catch (IllegalStateException e) {
            // The JVM began shutting down meanwhile: this hook runs and halts with the daemon's status.
            LOG.debug("shutdown already under way: {}", e.toString());
        }
    }
}
