package io.connwatch.runner.config;

import io.connwatch.api.Dimension;
import io.connwatch.api.Service;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The resolved plan: what a checked configuration file says, with defaults filled in and placeholders replaced.
 *
 * @param source          the file it came from as given, or {@link ConfigLoader#EMBEDDED_SOURCE}
 * @param interval        how often the daemon samples; at least 1 s (default 60 s)
 * @param publishInterval how often the daemon sends; a whole multiple of {@code interval} (default: {@code interval})
 * @param pluginsDir      the {@code plugins:} folder, relative paths taken from the file's folder; empty when the
 *                        file names none (the runner's default applies)
 * @param dimensions      added to every metric, in file order; at most 30
 * @param services        the services in file order; never empty, names unique
 * @param collectors      the collector entries in file order; one {@code tcp-states} entry when the file has none
 * @param sinks           the sink entries in file order; one {@code stdout} entry when the file has none
 * @param maxBufferedDatums how many undelivered datums the daemon keeps per sink for a later send, at least 0
 *                        (default {@link ConfigLoader#DEFAULT_MAX_BUFFERED_DATUMS})
 */
public record ConnwatchConfig(String source, Duration interval, Duration publishInterval, Optional<Path> pluginsDir,
                              List<Dimension> dimensions, List<Service> services, List<PluginEntry> collectors,
                              List<PluginEntry> sinks, int maxBufferedDatums) {

    /** A configuration with the default buffer of {@link ConfigLoader#DEFAULT_MAX_BUFFERED_DATUMS} datums. */
    public ConnwatchConfig(String source, Duration interval, Duration publishInterval, Optional<Path> pluginsDir,
                           List<Dimension> dimensions, List<Service> services, List<PluginEntry> collectors,
                           List<PluginEntry> sinks) {
        this(source, interval, publishInterval, pluginsDir, dimensions, services, collectors, sinks,
                ConfigLoader.DEFAULT_MAX_BUFFERED_DATUMS);
    }

    /** Copies the lists. */
    public ConnwatchConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(publishInterval, "publishInterval");
        Objects.requireNonNull(pluginsDir, "pluginsDir");
        if (maxBufferedDatums < 0) {
            throw new IllegalArgumentException("maxBufferedDatums " + maxBufferedDatums + " is negative");
        }
        dimensions = List.copyOf(dimensions);
        services = List.copyOf(services);
        collectors = List.copyOf(collectors);
        sinks = List.copyOf(sinks);
    }
}
