package io.connwatch.runner.command;

import io.connwatch.runner.pipeline.CollectionResult;
import io.connwatch.runner.pipeline.DeliveryReport;
import io.connwatch.runner.pipeline.Pipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code connwatch run --once}: one cycle for cron. Collects, then publishes (or, with {@code --dry-run}, shows
 * what would be published) and says whether everything was delivered.
 */
public final class OnceRun {

    private static final Logger LOG = LoggerFactory.getLogger(OnceRun.class);

    private final Clock clock;

    /** @param clock the source of the cycle's timestamp */
    public OnceRun(Clock clock) {
        this.clock = clock;
    }

    /**
     * Runs one cycle.
     *
     * @param prepared the configuration and its pipeline
     * @param dryRun   show instead of send
     * @param out      where a dry run prints
     * @return {@link ExitCode#OK}, or {@link ExitCode#FAILED} if a plugin broke or a metric was not delivered
     */
    public int run(Startup.Prepared prepared, boolean dryRun, PrintStream out) {
        long started = System.nanoTime();
        Pipeline pipeline = prepared.pipeline();
        // Whole seconds: CloudWatch's finest resolution, and the stdout JSON's documented shape.
        Instant timestamp = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        CollectionResult collected = pipeline.collect(timestamp);
        boolean ok = collected.failedCollectors() == 0 && prepared.brokenPlugins().isEmpty();
        if (pipeline.sinks().isEmpty()) {
            LOG.error("no sink could be started; nothing was delivered");
            return ExitCode.FAILED;
        }
        int delivered = 0;
        if (dryRun) {
            pipeline.preview(collected.metrics(), out);
        } else if (!collected.metrics().isEmpty()) {
            DeliveryReport report = pipeline.publish(collected.metrics());
            delivered = report.delivered();
            ok &= report.complete();
        }
        LOG.info("cycle: {} services, {}{} metrics collected, {} delivered{}, {} ms",
                prepared.config().services().size(),
                collected.socketsSeen() < 0 ? "" : collected.socketsSeen() + " sockets seen, ",
                collected.metrics().size(), delivered,
                dryRun ? " (dry run)" : "", (System.nanoTime() - started) / 1_000_000);
        return ok ? ExitCode.OK : ExitCode.FAILED;
    }
}
