package io.connwatch.runner.daemon;

import io.connwatch.runner.command.ExitCode;
import io.connwatch.runner.command.Startup;
import io.connwatch.runner.pipeline.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;

/**
 * {@code connwatch run} without {@code --once}: runs the {@link Daemon} on the calling thread until SIGTERM or SIGINT,
 * which {@link SignalShutdown} turns into a stop, a last send, and exit status 0.
 */
public final class DaemonRun {

    private static final Logger LOG = LoggerFactory.getLogger(DaemonRun.class);

    /**
     * How long the last send on SIGTERM may take. Well inside systemd's stop timeout (the example unit gives 30 s)
     * and the 30 s a container runtime waits before SIGKILL.
     */
    public static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(10);
    /** Beyond the flush timeout, for the daemon's own wrapping up. */
    private static final Duration HOOK_MARGIN = Duration.ofSeconds(2);

    /**
     * Runs the daemon until a signal stops it.
     *
     * @param prepared the configuration and its pipeline
     * @param dryRun   show each send instead of sending
     * @param out      where a dry run shows
     * @return {@link ExitCode#FAILED} if the daemon cannot start or sampling broke; after a signal the process
     *         exits from the shutdown hook instead (see {@link SignalShutdown})
     */
    public int run(Startup.Prepared prepared, boolean dryRun, PrintStream out) {
        Pipeline pipeline = prepared.pipeline();
        if (pipeline.sinks().isEmpty() || pipeline.collectors().isEmpty()) {
            LOG.error("the daemon cannot start: no {} could be started", pipeline.sinks().isEmpty() ? "sink" : "collector");
            return ExitCode.FAILED;
        }
        Daemon daemon = new Daemon(DaemonSettings.of(prepared.config(), FLUSH_TIMEOUT, dryRun, out), pipeline::collect,
                pipeline.sinks(), DaemonClock.system(), pipeline);
        SignalShutdown hook = new SignalShutdown(daemon, FLUSH_TIMEOUT.plus(HOOK_MARGIN));
        Runtime.getRuntime().addShutdownHook(hook);
        int code = daemon.run();
        hook.removeUnlessStarted();
        return code;
    }
}
