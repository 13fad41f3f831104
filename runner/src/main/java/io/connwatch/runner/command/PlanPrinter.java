package io.connwatch.runner.command;

import io.connwatch.api.Dimension;
import io.connwatch.api.Service;
import io.connwatch.api.TcpState;
import io.connwatch.runner.config.ConnwatchConfig;
import io.connwatch.runner.pipeline.ActivePlugin;
import io.connwatch.runner.plugins.PluginProblem;
import io.connwatch.runner.plugins.ProviderRegistry;

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
        prepared.registry().folder().ifPresent(f -> out.println("plugins folder: " + f.describe()));
        out.println("collectors:");
        for (ActivePlugin<?> c : prepared.pipeline().collectors()) {
            out.println(resolved(prepared.registry(), c));
        }
        out.println("sinks:");
        for (ActivePlugin<?> s : prepared.pipeline().sinks()) {
            out.println(resolved(prepared.registry(), s));
        }
        for (String broken : prepared.brokenPlugins()) {
            out.println("broken: " + broken);
        }
        for (PluginProblem problem : prepared.registry().problems()) {
            out.println("plugin problem: " + problem.message());
        }
        out.flush();
    }

    /** {@code collectors[1]: loadavg from /opt/connwatch/plugins/x.jar (com.example.XProvider, version 1.0)}. */
    private static String resolved(ProviderRegistry registry, ActivePlugin<?> plugin) {
        StringBuilder line = new StringBuilder("  ").append(plugin.path()).append(": ").append(plugin.type())
                .append(" from ").append(plugin.origin().describe());
        registry.find(plugin.kind(), plugin.type()).ifPresent(p -> line.append(" (")
                .append(p.provider().getClass().getName()).append(", version ")
                .append(p.origin().version() == null ? "unknown" : p.origin().version()).append(')'));
        return line.toString();
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
