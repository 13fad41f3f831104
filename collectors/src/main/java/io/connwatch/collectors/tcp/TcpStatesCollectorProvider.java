package io.connwatch.collectors.tcp;

import java.util.List;

import io.connwatch.api.Collector;
import io.connwatch.api.CollectorProvider;
import io.connwatch.api.ConfigEntry;
import io.connwatch.api.PluginContext;

/**
 * Builds the {@code tcp-states} collector. Its one key, {@code source}, chooses the socket-table reader:
 * {@code auto} (netlink where it works, else procfs; for now always procfs), {@code procfs}, or {@code netlink}
 * (not in this build yet, so refused as a configuration error).
 */
public final class TcpStatesCollectorProvider implements CollectorProvider {

    /** The type name in a {@code collectors} entry. */
    public static final String TYPE = "tcp-states";

    private static final List<String> SOURCES = List.of("auto", "netlink", "procfs");

    /** For {@link java.util.ServiceLoader}. */
    public TcpStatesCollectorProvider() {
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Collector create(ConfigEntry config, PluginContext context) {
        String source = config.getChoice("source", "auto", SOURCES);
        SocketTableReader reader = switch (source) {
            case "auto", "procfs" -> new ProcfsSocketTableReader();
            case "netlink" -> throw config.error("source", "the netlink reader is not in this build yet; use auto or procfs");
            default -> throw config.error("source", "must be one of " + String.join(", ", SOURCES) + ", not " + source);
        };
        return new TcpStatesCollector(reader, context.services());
    }
}
