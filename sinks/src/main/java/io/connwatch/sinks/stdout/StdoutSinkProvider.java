package io.connwatch.sinks.stdout;

import io.connwatch.api.ConfigEntry;
import io.connwatch.api.PluginContext;
import io.connwatch.api.Sink;
import io.connwatch.api.SinkProvider;

import java.io.PrintStream;
import java.util.List;

/**
 * Provides the {@code stdout} sink. Keys: {@code format} ({@code table} or {@code json}, default {@code table})
 * and {@code namespace} (for metrics that name none, default {@code connwatch}, as the cloudwatch sink's).
 */
public final class StdoutSinkProvider implements SinkProvider {

    static final String DEFAULT_NAMESPACE = "connwatch";

    private final PrintStream out;

    /** The provider ServiceLoader builds: it writes to {@link System#out}. */
    public StdoutSinkProvider() {
        this(System.out);
    }

    StdoutSinkProvider(PrintStream out) {
        this.out = out;
    }

    @Override
    public String type() {
        return "stdout";
    }

    @Override
    public Sink create(ConfigEntry config, PluginContext context) {
        String format = config.getChoice("format", "table", List.of("table", "json"));
        String namespace = config.getString("namespace", DEFAULT_NAMESPACE);
        if (namespace.isBlank()) {
            throw config.error("namespace", "is empty");
        }
        MetricFormat metricFormat = format.equals("json")
                ? new JsonLinesFormat(namespace)
                : new TableFormat(context.services());
        return new StdoutSink(metricFormat, out);
    }
}
