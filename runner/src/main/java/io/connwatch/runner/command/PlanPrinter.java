package io.connwatch.runner.command;

import io.connwatch.api.Dimension;
import io.connwatch.api.Service;
import io.connwatch.api.TcpState;
import io.connwatch.runner.config.ConnwatchConfig;
import io.connwatch.runner.pipeline.ActivePlugin;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** {@code connwatch validate}: prints the resolved plan of a configuration that passed every check. */
public final class PlanPrinter {

    /**
     * Prints the plan.
     *
     * @param prepared the configuration and its built plugins
     * @param out      where to print
     */
    public void print(Startup.Prepared prepared, PrintStream out) {
        ConnwatchConfig config = prepared.config();
        out.println("configuration: " + config.source());
        out.println("interval: " + duration(config.interval()) + ", publish-interval: "
                + duration(config.publishInterval()) + ", max-buffered-datums: " + config.maxBufferedDatums());
        out.println("dimensions: " + (config.dimensions().isEmpty() ? "none"
                : config.dimensions().stream().map(d -> d.name() + "=" + d.value()).collect(Collectors.joining(", "))));
        out.println("services:");
        for (Service s : config.services()) {
            out.println("  " + s.name() + ":");
            if (!s.ports().isEmpty()) {
                out.println("    ports: " + join(s.ports()));
            }
            if (!s.remotePorts().isEmpty()) {
                out.println("    remote-ports: " + join(s.remotePorts()));
            }
            out.println("    namespace: " + (s.namespace() == null ? "(the sink's default)" : s.namespace()));
            out.println("    metrics: " + s.states().stream().map(s::metricName).collect(Collectors.joining(", ")));
            if (!s.ports().isEmpty() && s.states().contains(TcpState.LISTEN)) {
                out.println("    listeners: " + s.listenQueueMetricName() + " (and " + s.listenBacklogMetricName()
                        + " where the reader knows it)");
            }
        }
        out.println("collectors:");
        for (ActivePlugin<?> c : prepared.pipeline().collectors()) {
            out.println("  " + c.path() + ": " + c.type() + " from " + c.origin().describe());
        }
        out.println("sinks:");
        for (ActivePlugin<?> s : prepared.pipeline().sinks()) {
            out.println("  " + s.path() + ": " + s.type() + " from " + s.origin().describe());
        }
        for (String broken : prepared.brokenPlugins()) {
            out.println("broken: " + broken);
        }
        out.flush();
    }

    private static String join(List<Integer> ports) {
        return ports.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static String duration(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }
}
