package io.connwatch.collectors.tcp;

import static io.connwatch.collectors.tcp.ProcfsSocketTableReaderTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.connwatch.api.Metric;
import io.connwatch.api.Service;
import io.connwatch.api.TcpState;
import io.connwatch.api.Unit;

import org.junit.jupiter.api.Test;

/** Which metrics the collector emits, with which names, values and attributes. */
class TcpStatesCollectorTest {

    private static final Instant T = Instant.parse("2026-11-24T14:00:00Z");
    private static final EnumSet<TcpState> SEED_STATES =
            EnumSet.of(TcpState.ESTABLISHED, TcpState.TIME_WAIT, TcpState.FIN_WAIT1, TcpState.FIN_WAIT2);

    private static TcpStatesCollector onFixtures(List<Service> services) {
        return new TcpStatesCollector(new ProcfsSocketTableReader(fixture("tcp"), fixture("tcp6"), 4096), services);
    }

    private static Map<String, Double> values(List<Metric> metrics) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric m : metrics) {
            out.put(m.name(), m.value());
        }
        return out;
    }

    @Test
    void allElevenStatesInKernelOrderThenTheListenQueue() throws IOException {
        List<Metric> metrics = onFixtures(List.of(TestServices.local("app", 8080))).collect(T);

        List<String> names = new ArrayList<>();
        for (TcpState state : TcpState.values()) {
            names.add("app-cons-" + state.token());
        }
        names.add("app-listen-queue");
        assertEquals(names, metrics.stream().map(Metric::name).toList());
        Map<String, Double> v = values(metrics);
        assertEquals(3.0, v.get("app-cons-established")); // IPv4, IPv6 and the IPv4-mapped IPv6 socket
        for (TcpState state : TcpState.values()) {
            if (state != TcpState.ESTABLISHED) {
                assertEquals(2.0, v.get("app-cons-" + state.token()), state.name());
            }
        }
        assertEquals(7.0, v.get("app-listen-queue")); // 5 on the IPv4 listener, 2 on the IPv6 one
        for (Metric m : metrics) {
            assertEquals(Unit.COUNT, m.unit());
            assertEquals(T, m.timestamp());
            assertTrue(m.dimensions().isEmpty());
            assertEquals(null, m.namespace());
        }
    }

    @Test
    void seedCompatibleConfigGivesExactlyEightDatums() throws IOException {
        Service web = new Service("web", List.of(8080, 443), List.of(), SEED_STATES, "EC2:WEB-Services",
                "http-cons-{state}");
        Service redis = new Service("redis", List.of(), List.of(6379), SEED_STATES, null, Service.DEFAULT_METRIC_NAME);
        List<Metric> metrics = onFixtures(List.of(web, redis)).collect(T);

        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("http-cons-established", 3.0);
        expected.put("http-cons-finwait1", 2.0);
        expected.put("http-cons-finwait2", 2.0);
        expected.put("http-cons-timewait", 2.0);
        expected.put("redis-cons-established", 1.0);
        expected.put("redis-cons-finwait1", 0.0);
        expected.put("redis-cons-finwait2", 0.0);
        expected.put("redis-cons-timewait", 0.0);
        assertEquals(expected, values(metrics));
        assertEquals(8, metrics.size());
        assertEquals("EC2:WEB-Services", metrics.get(0).namespace());
        assertEquals(null, metrics.get(4).namespace());
    }

    @Test
    void aRemotePortsServiceGetsNoListenQueue() throws IOException {
        List<Metric> metrics = onFixtures(List.of(TestServices.remote("redis", 6379))).collect(T);
        assertEquals(11, metrics.size());
        Map<String, Double> v = values(metrics);
        assertEquals(1.0, v.get("redis-cons-synsent"));
        assertEquals(1.0, v.get("redis-cons-established"));
    }

    @Test
    void theBacklogIsEmittedOnlyWhenTheReaderKnowsIt() throws IOException {
        // Like the netlink reader, it reports each listener's backlog limit.
        SocketTableReader knowing = new SocketTableReader() {
            @Override
            public String name() {
                return "backlog-aware";
            }

            @Override
            public boolean knowsBacklog() {
                return true;
            }

            @Override
            public CycleStats read(SocketVisitor visitor) {
                visitor.socket(TcpState.LISTEN.kernelCode(), 8080, 0, 2, 128);
                visitor.socket(TcpState.LISTEN.kernelCode(), 8080, 0, 1, 4096);
                return new CycleStats(name(), 2, 0);
            }
        };
        Service app = TestServices.local("app", 8080);
        Map<String, Double> v = values(new TcpStatesCollector(knowing, List.of(app)).collect(T));
        assertEquals(3.0, v.get("app-listen-queue"));
        assertEquals(4224.0, v.get("app-listen-backlog"));
        assertEquals(13, v.size());

        Map<String, Double> procfs = values(onFixtures(List.of(app)).collect(T));
        assertTrue(procfs.containsKey("app-listen-queue"));
        assertTrue(!procfs.containsKey("app-listen-backlog"), "procfs does not know the backlog");

        Service noListen = TestServices.of("app", List.of(8080), List.of(), SEED_STATES);
        Map<String, Double> without = values(new TcpStatesCollector(knowing, List.of(noListen)).collect(T));
        assertEquals(4, without.size(), "no listen state, no listen-queue or listen-backlog: " + without);
    }

    @Test
    void exposesTheLastCyclesStats() throws IOException {
        TcpStatesCollector collector = new TcpStatesCollector(
                new ProcfsSocketTableReader(fixture("tcp-malformed"), fixture("tcp6"), 4096),
                List.of(TestServices.local("app", 8080)));
        assertTrue(collector.lastCycleStats().isEmpty());
        collector.collect(T);
        assertEquals(new CycleStats("procfs", 16, 10), collector.lastCycleStats().orElseThrow());
        assertEquals("procfs", collector.readerName());
    }
}
