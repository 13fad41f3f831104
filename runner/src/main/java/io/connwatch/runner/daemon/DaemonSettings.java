package io.connwatch.runner.daemon;

import io.connwatch.runner.config.ConnwatchConfig;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Objects;

/**
 * How the daemon runs.
 *
 * @param interval          how often it samples
 * @param publishInterval   how often it sends; a whole multiple of {@code interval}
 * @param maxBufferedDatums the most undelivered datums kept per sink
 * @param flushTimeout      how long the last send on stopping may take
 * @param dryRun            show each send on {@code out} instead of sending
 * @param out               where a dry run shows
 */
public record DaemonSettings(Duration interval, Duration publishInterval, int maxBufferedDatums,
                             Duration flushTimeout, boolean dryRun, PrintStream out) {

    /** Checks that the publish interval is a whole multiple of the interval. */
    public DaemonSettings {
        Objects.requireNonNull(out, "out");
        if (interval.toMillis() < 1 || publishInterval.toMillis() % interval.toMillis() != 0
                || publishInterval.compareTo(interval) < 0) {
            throw new IllegalArgumentException("publish interval " + publishInterval
                    + " is not a whole multiple of interval " + interval);
        }
    }

    /**
     * The settings a configuration gives.
     *
     * @param config       the loaded configuration
     * @param flushTimeout how long the last send on stopping may take
     * @param dryRun       show instead of send
     * @param out          where a dry run shows
     * @return the settings
     */
    public static DaemonSettings of(ConnwatchConfig config, Duration flushTimeout, boolean dryRun, PrintStream out) {
        return new DaemonSettings(config.interval(), config.publishInterval(), config.maxBufferedDatums(),
                flushTimeout, dryRun, out);
    }
}
