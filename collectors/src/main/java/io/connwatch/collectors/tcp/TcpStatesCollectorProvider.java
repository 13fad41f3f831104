package io.connwatch.collectors.tcp;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

import io.connwatch.api.Collector;
import io.connwatch.api.CollectorProvider;
import io.connwatch.api.ConfigEntry;
import io.connwatch.api.PluginContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@code tcp-states} collector. Its one key, {@code source}, chooses the socket-table reader:
 * <ul>
 * <li>{@code auto} (the default): netlink sock_diag where it works here, else procfs, with one info line saying
 * why netlink could not be used;</li>
 * <li>{@code netlink}: netlink sock_diag, or a configuration error saying why it cannot work here;</li>
 * <li>{@code procfs}: {@code /proc/net/tcp} and {@code /proc/net/tcp6}.</li>
 * </ul>
 * Whether netlink works is found out by opening its socket and walking the table once, here, before the first
 * cycle.
 */
public final class TcpStatesCollectorProvider implements CollectorProvider {

    /** The type name in a {@code collectors} entry. */
    public static final String TYPE = "tcp-states";

    private static final List<String> SOURCES = List.of("auto", "netlink", "procfs");
    private static final Logger LOG = LoggerFactory.getLogger(TcpStatesCollectorProvider.class);

    /** Opens a netlink reader: the real one, or in tests one that fails as a host without netlink would. */
    @FunctionalInterface
    interface NetlinkOpener {
        /**
         * @throws IOException  a socket call or the probe dump failed
         * @throws LinkageError JNA or its native library cannot be loaded
         */
        SocketTableReader open(WantedSockets wanted) throws IOException;
    }

    private final NetlinkOpener netlink;

    /** For {@link java.util.ServiceLoader}. */
    public TcpStatesCollectorProvider() {
        // A lambda, not a method reference: NetlinkSocketTableReader (and so JNA) is loaded only when it is called,
        // so a class path without JNA still builds a procfs collector.
        this(wanted -> NetlinkSocketTableReader.open(wanted));
    }

    TcpStatesCollectorProvider(NetlinkOpener netlink) {
        this.netlink = Objects.requireNonNull(netlink, "netlink");
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Collector create(ConfigEntry config, PluginContext context) {
        String source = config.getChoice("source", "auto", SOURCES);
        WantedSockets wanted = WantedSockets.of(context.services());
        SocketTableReader reader = switch (source) {
            case "procfs" -> new ProcfsSocketTableReader();
            case "netlink" -> {
                NetlinkAttempt attempt = tryNetlink(wanted);
                if (attempt.reader == null) {
                    throw config.error("source", "netlink sock_diag cannot be used here: " + attempt.failure
                            + "; use auto or procfs");
                }
                yield attempt.reader;
            }
            case "auto" -> {
                NetlinkAttempt attempt = tryNetlink(wanted);
                if (attempt.reader == null) {
                    LOG.info("{} at {}: netlink sock_diag is not usable here ({}); reading /proc/net/tcp and "
                            + "/proc/net/tcp6 instead", TYPE, config.location(), attempt.failure);
                    yield new ProcfsSocketTableReader();
                }
                yield attempt.reader;
            }
            default -> throw config.error("source", "must be one of " + String.join(", ", SOURCES) + ", not " + source);
        };
        return new TcpStatesCollector(reader, context.services());
    }

    private NetlinkAttempt tryNetlink(WantedSockets wanted) {
        try {
            return new NetlinkAttempt(netlink.open(wanted), null);
        } catch (IOException e) {
            LOG.debug("netlink sock_diag failed", e);
            return new NetlinkAttempt(null, e.getMessage());
        } catch (LinkageError e) {
            LOG.debug("netlink sock_diag failed", e);
            return new NetlinkAttempt(null, "JNA could not call libc: " + e);
        } catch (RuntimeException e) {
            LOG.debug("netlink sock_diag failed", e);
            return new NetlinkAttempt(null, "the netlink reader failed: " + e);
        }
    }

    /** A reader, or why there is none. */
    private record NetlinkAttempt(SocketTableReader reader, String failure) {
    }
}
