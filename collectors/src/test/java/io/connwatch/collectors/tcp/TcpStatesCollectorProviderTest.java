package io.connwatch.collectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
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
    void sourceDefaultsToAutoWhichReadsProcfs() throws Exception {
        MapConfigEntry entry = new MapConfigEntry("tcp-states", Map.of());
        try (Collector collector = new TcpStatesCollectorProvider().create(entry, CONTEXT)) {
            assertEquals(Set.of("source"), entry.asked);
            assertEquals(List.of(List.of("auto", "netlink", "procfs")), entry.choicesOffered);
            TcpStatesCollector tcp = assertInstanceOf(TcpStatesCollector.class, collector);
            assertEquals("procfs", tcp.readerName());
            List<Metric> metrics = collector.collect(Instant.now());
            assertEquals(24, metrics.size()); // 2 services x (11 states + listen-queue)
            assertEquals("procfs", tcp.lastCycleStats().orElseThrow().reader());
        }
    }

    @Test
    void procfsIsAccepted() throws Exception {
        MapConfigEntry entry = new MapConfigEntry("tcp-states", Map.of("source", "procfs"));
        try (Collector collector = new TcpStatesCollectorProvider().create(entry, CONTEXT)) {
            assertEquals("procfs", ((TcpStatesCollector) collector).readerName());
        }
    }

    @Test
    void netlinkIsReportedAtTheSourceKey() {
        MapConfigEntry entry = new MapConfigEntry("tcp-states", Map.of("source", "netlink"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> new TcpStatesCollectorProvider().create(entry, CONTEXT));
        assertEquals("collectors[0].source", e.keyPath());
        assertEquals(MapConfigEntry.FILE_LOCATION, e.location());
        assertEquals("the netlink reader is not in this build yet; use auto or procfs", e.problem());
    }

    @Test
    void anUnknownSourceIsReportedAtTheSourceKey() {
        MapConfigEntry entry = new MapConfigEntry("tcp-states", Map.of("source", "profcs"));
        ConfigException e = assertThrows(ConfigException.class,
                () -> new TcpStatesCollectorProvider().create(entry, CONTEXT));
        assertEquals("collectors[0].source", e.keyPath());
        assertTrue(e.getMessage().startsWith(MapConfigEntry.FILE_LOCATION), e.getMessage());
        assertFalse(entry.asked.isEmpty());
    }
}
