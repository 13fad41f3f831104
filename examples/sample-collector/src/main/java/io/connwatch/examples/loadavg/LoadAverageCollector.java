package io.connwatch.examples.loadavg;

import io.connwatch.api.Collector;
import io.connwatch.api.Metric;
import io.connwatch.api.Unit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code /proc/loadavg} ({@code "0.52 0.58 0.59 1/1234 5678"}: the 1, 5 and 15 minute load averages, then
 * the runnable and total threads, then the last process id) and reports the chosen averages.
 */
final class LoadAverageCollector implements Collector {

    private final Path file;
    private final List<Integer> columns;
    private final List<String> names;
    private final String namespace;
    private final boolean perCpu;

    LoadAverageCollector(Path file, List<Integer> columns, List<String> names, String namespace, boolean perCpu) {
        this.file = file;
        this.columns = List.copyOf(columns);
        this.names = List.copyOf(names);
        this.namespace = namespace;
        this.perCpu = perCpu;
    }

    @Override
    public List<Metric> collect(Instant timestamp) throws IOException {
        String line = Files.readString(file).trim();
        String[] fields = line.split("\\s+");
        if (fields.length < 3) {
            throw new IOException(file + ": expected three load averages, found '" + line + "'");
        }
        double divisor = perCpu ? Runtime.getRuntime().availableProcessors() : 1;
        List<Metric> metrics = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            double value;
            try {
                value = Double.parseDouble(fields[columns.get(i)]);
            } catch (NumberFormatException e) {
                throw new IOException(file + ": '" + fields[columns.get(i)] + "' is not a load average", e);
            }
            // A load average has no unit: CloudWatch's "None".
            metrics.add(new Metric(namespace, names.get(i), value / divisor, Unit.NONE, List.of(), timestamp));
        }
        return metrics;
    }
}
