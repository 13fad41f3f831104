package io.connwatch.examples.loadavg;

import io.connwatch.api.Collector;
import io.connwatch.api.CollectorProvider;
import io.connwatch.api.ConfigEntry;
import io.connwatch.api.PluginContext;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Builds the {@code loadavg} collector from its configuration entry:
 *
 * <pre>{@code
 * collectors:
 *   - type: loadavg
 *     periods: [1m, 15m]      # default: 1m, 5m, 15m
 *     per-cpu: true           # divide by the number of CPUs; default false
 *     metric-prefix: load     # metric names load-1m, load-15m; default loadavg
 *     namespace: "Hosts"      # optional; default: the sink's namespace
 *     file: /proc/loadavg     # where to read; default /proc/loadavg
 * }</pre>
 *
 * Every key is read here, so that the runner can reject a misspelled one, and each value is checked before any
 * cycle runs: a mistake is reported with its file, line and column by {@link ConfigEntry#error(String, String)}.
 */
public final class LoadAverageCollectorProvider implements CollectorProvider {

    /** The periods {@code /proc/loadavg} reports, in its order. */
    static final List<String> PERIODS = List.of("1m", "5m", "15m");

    private static final Pattern METRIC_WORD = Pattern.compile("[A-Za-z0-9._-]+");

    @Override
    public String type() {
        return "loadavg";
    }

    @Override
    public Collector create(ConfigEntry config, PluginContext context) {
        List<String> periods = config.getStringList("periods");
        if (!config.keys().contains("periods")) {
            periods = PERIODS;
        }
        if (periods.isEmpty()) {
            throw config.error("periods", "lists no period; use some of " + String.join(", ", PERIODS));
        }
        List<Integer> columns = new ArrayList<>();
        for (String period : periods) {
            int column = PERIODS.indexOf(period);
            if (column < 0) {
                throw config.error("periods", "'" + period + "' is not a period of /proc/loadavg; use "
                        + String.join(", ", PERIODS));
            }
            if (columns.contains(column)) {
                throw config.error("periods", "'" + period + "' is listed twice");
            }
            columns.add(column);
        }
        boolean perCpu = config.getBoolean("per-cpu", false);
        String prefix = config.getString("metric-prefix", "loadavg");
        if (!METRIC_WORD.matcher(prefix).matches()) {
            throw config.error("metric-prefix", "must be letters, digits, '.', '_' or '-', not '" + prefix + "'");
        }
        String namespace = config.getString("namespace").orElse(null);
        if (namespace != null && namespace.isBlank()) {
            throw config.error("namespace", "is blank; leave it out for the sink's namespace");
        }
        Path file;
        try {
            file = Path.of(config.getString("file", "/proc/loadavg"));
        } catch (InvalidPathException e) {
            throw config.error("file", "is not a path: " + e.getReason());
        }
        if (!Files.isReadable(file)) {
            throw config.error("file", file + " cannot be read (connwatch needs a Linux /proc)");
        }
        List<String> names = new ArrayList<>();
        for (int column : columns) {
            names.add(prefix + "-" + PERIODS.get(column));
        }
        return new LoadAverageCollector(file, columns, names, namespace, perCpu);
    }
}
