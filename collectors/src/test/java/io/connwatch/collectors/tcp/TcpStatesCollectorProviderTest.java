package io.connwatch.collectors.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

import io.connwatch.api.Collector;
import io.connwatch.api.CollectorProvider;
import io.connwatch.api.ConfigException;
import io.connwatch.api.Metric;
import io.connwatch.api.PluginContext;
import io.connwatch.api.Service;
import io.connwatch.api.testing.MapConfigEntry;

import org.junit.jupiter.api.Test;

/** The provider as the runner finds and calls it. */
class TcpStatesCollectorProviderTest {

    private static final PluginContext CONTEXT = new PluginContext() {
        @Override
        public List<Service> services() {
            return List.of(TestServices.local("web", 80, 443), TestServices.local("db", 3306));
        }

        @Override
        public String hostName() {
            return "test-host";
        }
    };

    @Test
    void typeNameIsTcpStates() {
        assertEquals("tcp-states", new TcpStatesCollectorProvider().type());
    }

    @Test
    void serviceLoaderFindsIt() {
        List<CollectorProvider> found = ServiceLoader.load(CollectorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.type().equals("tcp-states"))
                .toList();
        assertEquals(1, found.size());
        assertInstanceOf(TcpStatesCollectorProvider.class, found.get(0));
    }

    @Test
    void sourceDefaultsToAutoWhichReadsNetlinkWhereItWorks() throws Exception {
        MapConfigEntry entry = MapConfigEntry.collector("tcp-states", Map.of());
        try (Collector collector = new TcpStatesCollectorProvider().create(entry, CONTEXT)) {
            assertEquals(Set.of("source"), entry.asked());
            assertEquals(List.of(List.of("auto", "netlink", "procfs")), entry.choicesOffered());
            TcpStatesCollector tcp = assertInstanceOf(TcpStatesCollector.class, collector);
            assertEquals("netlink", tcp.readerName());
            List<Metric> metrics = collector.collect(Instant.now());
            assertEquals(26, metrics.size()); // 2 services x (11 states + listen-queue + listen-backlog)
            assertEquals("netlink", tcp.lastCycleStats().orElseThrow().reader());
        }
    }

    @Test
    void theNetlinkReaderIsAskedForTheServicesStatesAndPorts() throws Exception {
        List<WantedSockets> asked = new ArrayList<>();
        TcpStatesCollectorProvider provider = new TcpStatesCollectorProvider(wanted -> {
            asked.add(wanted);
            return NetlinkSocketTableReader.open(wanted);
        });
        try (Collector collector = provider.create(MapConfigEntry.collector("tcp-states", Map.of()), CONTEXT)) {
            assertEquals("netlink", ((TcpStatesCollector) collector).readerName());
            assertEquals(1, asked.size());
            assertArrayEquals(new int[] {80, 443, 3306}, asked.get(0).localPorts());
            assertEquals(0, asked.get(0).remotePorts().length);
            assertEquals(WantedSockets.EVERYTHING.stateMask(), asked.get(0).stateMask());
        }
    }

    @Test
    void procfsIsAcceptedAndNeverTriesNetlink() throws Exception {
        MapConfigEntry entry = MapConfigEntry.collector("tcp-states", Map.of("source", "procfs"));
        TcpStatesCollectorProvider provider = new TcpStatesCollectorProvider(wanted -> {
            throw new AssertionError("source: procfs opened netlink");
        });
        try (Collector collector = provider.create(entry, CONTEXT)) {
            assertEquals("procfs", ((TcpStatesCollector) collector).readerName());
            assertEquals(24, collector.collect(Instant.now()).size()); // procfs knows no backlog
        }
    }

    @Test
    void netlinkIsUsedWhenAsked() throws Exception {
        MapConfigEntry entry = MapConfigEntry.collector("tcp-states", Map.of("source", "netlink"));
        try (Collector collector = new TcpStatesCollectorProvider().create(entry, CONTEXT)) {
            assertEquals("netlink", ((TcpStatesCollector) collector).readerName());
        }
    }

    @Test
    void autoFallsBackToProcfsAndSaysWhyInOneInfoLine() throws Exception {
        String reason = "netlink sock_diag: socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG) failed: "
                + "EPROTONOSUPPORT (protocol not supported)";
        TcpStatesCollectorProvider provider = new TcpStatesCollectorProvider(wanted -> {
            throw new IOException(reason);
        });
        StderrCapture log = StderrCapture.during(() -> {
            try (Collector collector = provider.create(MapConfigEntry.collector("tcp-states", Map.of()), CONTEXT)) {
                assertEquals("procfs", ((TcpStatesCollector) collector).readerName());
                assertEquals(24, collector.collect(Instant.now()).size());
            }
        });
        assertEquals(1, log.lines().size(), "one line: " + log.lines());
        String line = log.lines().get(0);
        assertTrue(line.endsWith(" INFO " + TcpStatesCollectorProvider.class.getName() + " - tcp-states at "
                + MapConfigEntry.FILE_LOCATION + ": netlink sock_diag is not usable here (" + reason
                + "); reading /proc/net/tcp and /proc/net/tcp6 instead"), line);
    }

    @Test
    void autoFallsBackWhenJnaCannotLoadItsNativeLibrary() throws Exception {
        TcpStatesCollectorProvider provider = new TcpStatesCollectorProvider(wanted -> {
            throw new UnsatisfiedLinkError("Unable to load library 'c'");
        });
        StderrCapture log = StderrCapture.during(() -> {
            try (Collector collector = provider.create(MapConfigEntry.collector("tcp-states", Map.of()), CONTEXT)) {
                assertEquals("procfs", ((TcpStatesCollector) collector).readerName());
            }
        });
        assertEquals(1, log.lines().size(), log.lines().toString());
        assertTrue(log.lines().get(0).contains("(JNA could not call libc: java.lang.UnsatisfiedLinkError: "
                + "Unable to load library 'c'); reading /proc/net/tcp"), log.lines().get(0));
    }

    @Test
    void netlinkWhereItCannotWorkIsAConfigErrorNamingTheReason() {
        MapConfigEntry entry = MapConfigEntry.collector("tcp-states", Map.of("source", "netlink"));
        TcpStatesCollectorProvider provider = new TcpStatesCollectorProvider(wanted -> {
            throw new IOException("netlink sock_diag: the kernel refused the AF_INET TCP dump: EPERM (operation "
                    + "not permitted)");
        });
        ConfigException e = assertThrows(ConfigException.class, () -> provider.create(entry, CONTEXT));
        assertEquals("collectors[0].source", e.keyPath());
        assertEquals(MapConfigEntry.FILE_LOCATION, e.location());
        assertEquals("netlink sock_diag cannot be used here: netlink sock_diag: the kernel refused the AF_INET TCP "
                + "dump: EPERM (operation not permitted); use auto or procfs", e.problem());
    }

    @Test
    void anUnknownSourceIsReportedAtTheSourceKey() {
        MapConfigEntry entry = MapConfigEntry.collector("tcp-states", Map.of("source", "profcs"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> new TcpStatesCollectorProvider().create(entry, CONTEXT));
        assertEquals("collectors[0].source", e.keyPath());
        assertTrue(e.getMessage().startsWith(MapConfigEntry.FILE_LOCATION), e.getMessage());
        assertFalse(entry.asked().isEmpty());
    }
}
