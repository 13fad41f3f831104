package io.connwatch.collectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.connwatch.api.Service;
import io.connwatch.api.TcpState;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The netlink reader against this machine's kernel: what it asks for (states, ports) is what comes back. Counting
 * the same sockets as procfs and ss is {@link LoopbackSocketsTest}'s job.
 */
class NetlinkSocketTableReaderTest {

    private final List<AutoCloseable> opened = new ArrayList<>();
    /** Listeners on five ports bound here: a, b, c as the services' local ports, r as a remote port, q unwanted. */
    private int a;
    private int b;
    private int c;
    private int r;
    private int q;

    @BeforeEach
    void sockets() throws IOException {
        a = listen();
        b = listen();
        c = listen();
        r = listen();
        q = listen();
        connect(a);
        connect(r);
        connect(q);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void theKernelSendsOnlyTheServicesPortsLocalAndRemote() throws IOException {
        // Only the states this test makes: a TIME_WAIT socket that another process left on one of these ephemeral
        // port numbers (they live 60 s) must not count here; the state filter has its own test below.
        Set<TcpState> made = EnumSet.of(TcpState.ESTABLISHED, TcpState.LISTEN);
        List<Service> services = List.of(TestServices.of("web", List.of(a, b), List.of(), made),
                TestServices.of("admin", List.of(c), List.of(), made), TestServices.of("upstream", List.of(), List.of(r), made));
        Set<String> expected = Set.of(
                "10 " + a + " 0", "10 " + b + " 0", "10 " + c + " 0", // the three local ports' listeners
                "1 " + a + " *", // the server side of the connection to a (its client side has dport a)
                "1 * " + r); // the client side of the connection to r (its server side has sport r)

        try (NetlinkSocketTableReader kernelFiltered = NetlinkSocketTableReader.open(WantedSockets.of(services));
             NetlinkSocketTableReader loopFiltered = new NetlinkSocketTableReader(WantedSockets.of(services), false)) {
            assertTrue(kernelFiltered.filtersPortsInKernel());
            assertFalse(loopFiltered.filtersPortsInKernel());

            Set<String> kernel = new TreeSet<>();
            CycleStats stats = kernelFiltered.read(ours(kernel, services, false));
            assertEquals(expected, kernel);
            assertEquals(new CycleStats("netlink", 5, 0), stats, "nothing but the services' sockets was sent");

            Set<String> loop = new TreeSet<>();
            CycleStats all = loopFiltered.read(ours(loop, services, true));
            assertEquals(expected, loop);
            assertTrue(all.socketsSeen() >= 11, "the whole table came back: " + all);
        }
    }

    @Test
    void theKernelSendsOnlyTheWantedStates() throws IOException {
        Service established = TestServices.of("web", List.of(a), List.of(), EnumSet.of(TcpState.ESTABLISHED));
        try (NetlinkSocketTableReader reader = NetlinkSocketTableReader.open(WantedSockets.of(List.of(established)))) {
            Set<String> seen = new TreeSet<>();
            reader.read(ours(seen, List.of(established), false));
            assertEquals(Set.of("1 " + a + " *"), seen, "no listener: listen was not asked for");
        }
    }

    @Test
    void everyWalkSeesTheSameAcrossGarbageCollectionsAndAReopen() throws IOException {
        List<Service> services = List.of(TestServices.local("web", a, b));
        NetlinkSocketTableReader reader = NetlinkSocketTableReader.open(WantedSockets.of(services));
        try (reader) {
            for (int i = 0; i < 20; i++) {
                System.gc(); // a direct buffer the native calls use must not be freed under them
                assertEquals(3, reader.read((state, localPort, remotePort, acceptQueue, backlog) -> { })
                        .socketsSeen(), "walk " + i);
            }
            reader.close();
            reader.close();
            assertEquals(3, reader.read((state, localPort, remotePort, acceptQueue, backlog) -> { }).socketsSeen(),
                    "a closed reader opens a new socket at its next walk");
        }
        assertTrue(reader.receives() >= 42, "at least one recv per dump: " + reader.receives());
        assertEquals("netlink", reader.name());
        assertTrue(reader.knowsBacklog());
    }

    /**
     * Records the sockets of this test's ports that belong to {@code services} as "state localPort remotePort",
     * with a port that is not this test's as {@code *}. With {@code filter}, drops what the kernel should have.
     */
    private SocketVisitor ours(Set<String> into, List<Service> services, boolean filter) {
        Set<Integer> mine = Set.of(a, b, c, r, q);
        return (state, localPort, remotePort, acceptQueue, backlog) -> {
            boolean wanted = false;
            for (Service s : services) {
                wanted |= s.ports().contains(localPort) || s.remotePorts().contains(remotePort);
            }
            if (!mine.contains(localPort) && !mine.contains(remotePort) || filter && !wanted) {
                return;
            }
            into.add(state + " " + (mine.contains(localPort) ? localPort : "*") + " "
                    + (mine.contains(remotePort) ? remotePort : remotePort == 0 ? "0" : "*"));
        };
    }

    /** A listener on a port no other socket uses (see {@link SsWitness#usedOnlyByItsListener}). */
    private int listen() throws IOException {
        for (int attempt = 1; ; attempt++) {
            ServerSocketChannel server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
            try {
                if (attempt == 20 || SsWitness.usedOnlyByItsListener(port)) {
                    opened.add(server);
                    return port;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            server.close();
        }
    }

    private void connect(int port) throws IOException {
        opened.add(SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
    }

    @Test
    void theProbeAtOpenWalksNoSocketTable() throws IOException {
        List<Service> services = List.of(TestServices.local("web", a, b));
        try (NetlinkSocketTableReader reader = NetlinkSocketTableReader.open(WantedSockets.of(services))) {
            assertEquals(0, reader.probeSockets, "the probe asks for no state, so the kernel sends no socket");
            Set<String> seen = new TreeSet<>();
            reader.read(ours(seen, services, false));
            assertTrue(seen.contains("10 " + a + " 0"), "the first real walk asks for the wanted states again: " + seen);
        }
    }
}
