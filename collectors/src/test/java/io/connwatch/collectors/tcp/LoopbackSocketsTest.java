package io.connwatch.collectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.NetworkChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import io.connwatch.api.Metric;
import io.connwatch.api.Service;
import io.connwatch.api.TcpState;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Real sockets on loopback, counted by the collector through both readers (the machine's own /proc/net/tcp{,6}
 * and netlink sock_diag) and compared, in the same polling round, with
 * what {@code ss} lists for the same state and filter and with the number the test made. Every port filtered on
 * was bound here (port 0), so other processes' sockets cannot match but by a coincidence of ephemeral ports.
 */
class LoopbackSocketsTest {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    /** How the test's sockets are made, and so which table the kernel lists them in. */
    enum Family {
        /** AF_INET sockets: /proc/net/tcp. */
        IPV4("127.0.0.1", StandardProtocolFamily.INET),
        /** AF_INET6 sockets on ::1: /proc/net/tcp6. */
        IPV6("::1", StandardProtocolFamily.INET6),
        /** Java's default dual-stack sockets on 127.0.0.1: /proc/net/tcp6 as ::ffff:127.0.0.1. */
        IPV4_MAPPED("127.0.0.1", null);

        final String address;
        final ProtocolFamily protocol;

        Family(String address, ProtocolFamily protocol) {
            this.address = address;
            this.protocol = protocol;
        }
    }

    @TempDir
    Path tmp;

    private final List<NetworkChannel> opened = new ArrayList<>();
    private final List<TcpStatesCollector> collectors = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        Exception first = null;
        for (AutoCloseable c : concat()) {
            try {
                c.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private List<AutoCloseable> concat() {
        List<AutoCloseable> all = new ArrayList<>(opened);
        all.addAll(collectors);
        return all;
    }

    /**
     * A listener bound here on port 0, and both readers counting two services on its port: {@code server} has it
     * as a local port ({@code ss}'s sport), {@code client} as a remote port (dport).
     */
    private final class Listener {
        final Family family;
        final ServerSocketChannel channel;
        final int port;
        final Readers readers;

        Listener(Family family, int backlog) throws IOException {
            this.family = family;
            this.channel = listen(family, backlog);
            this.port = port(channel);
            this.readers = readers(TestServices.local("server", port), TestServices.remote("client", port));
        }

        SocketChannel connect() throws IOException {
            return LoopbackSocketsTest.this.connect(family, port);
        }

        SocketChannel accept() throws IOException {
            SocketChannel accepted = channel.accept();
            opened.add(accepted);
            return accepted;
        }

        void awaitServer(long expected, TcpState state) throws Exception {
            await(expected, readers, "server", state, sport(port));
        }

        void awaitClient(long expected, TcpState state) throws Exception {
            await(expected, readers, "client", state, dport(port));
        }

        void awaitListenQueue(long expected) throws Exception {
            awaitAll(expected, "server-listen-queue (ss's Recv-Q of the listener on " + port + ")",
                    readers.counts("server-listen-queue"), () -> SsWitness.listenQueue(port));
        }

        void awaitListenBacklog(long expected) throws Exception {
            awaitAll(expected, "server-listen-backlog (ss's Send-Q of the listener on " + port + ")",
                    List.of(readers.netlinkCount("server-listen-backlog")), () -> SsWitness.listenBacklog(port));
        }
    }

    /** The same services counted through each reader: procfs and netlink. */
    private record Readers(TcpStatesCollector procfs, TcpStatesCollector netlink) {

        /** The metric as each reader counts it now. */
        List<NamedCount> counts(String metric) {
            return List.of(new NamedCount("procfs", () -> value(procfs, metric)), netlinkCount(metric));
        }

        NamedCount netlinkCount(String metric) {
            return new NamedCount("netlink", () -> value(netlink, metric));
        }
    }

    /** A count taken now, and who took it. */
    private record NamedCount(String who, Count count) {
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void establishedConnectionsCountOnPortsAndRemotePorts(Family family) throws Exception {
        Listener listener = new Listener(family, 50);
        int n = 4;
        for (int i = 0; i < n; i++) {
            listener.connect();
            listener.accept();
        }
        listener.awaitServer(n, TcpState.ESTABLISHED);
        listener.awaitClient(n, TcpState.ESTABLISHED);
        listener.awaitServer(1, TcpState.LISTEN);
        listener.awaitClient(0, TcpState.LISTEN);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void aServerThatClosesFirstLeavesTimeWaitOnItsPort(Family family) throws Exception {
        Listener listener = new Listener(family, 50);
        SocketChannel client = listener.connect();
        listener.accept().close();
        listener.awaitServer(1, TcpState.FIN_WAIT2);
        listener.awaitClient(1, TcpState.CLOSE_WAIT);

        client.close();
        listener.awaitServer(1, TcpState.TIME_WAIT);
        listener.awaitServer(0, TcpState.ESTABLISHED);
        listener.awaitClient(0, TcpState.TIME_WAIT);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void aHalfCloseIsFinWait2OnThatSideAndCloseWaitOnTheOther(Family family) throws Exception {
        Listener listener = new Listener(family, 50);
        SocketChannel client = listener.connect();
        listener.accept();
        int clientPort = port(client);
        Readers clientSide = readers(TestServices.local("clientside", clientPort));

        client.shutdownOutput();
        await(1, clientSide, "clientside", TcpState.FIN_WAIT2, sport(clientPort));
        listener.awaitClient(1, TcpState.FIN_WAIT2);
        listener.awaitServer(1, TcpState.CLOSE_WAIT);
        listener.awaitServer(0, TcpState.ESTABLISHED);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void unacceptedConnectionsAreTheListenQueue(Family family) throws Exception {
        Listener listener = new Listener(family, 8);
        int waiting = 3;
        for (int i = 0; i < waiting; i++) {
            listener.connect();
        }
        listener.awaitListenQueue(waiting);
        listener.awaitServer(waiting, TcpState.ESTABLISHED);
        listener.awaitServer(1, TcpState.LISTEN);

        listener.accept();
        listener.awaitListenQueue(waiting - 1);
    }

    @ParameterizedTest
    @EnumSource(Family.class)
    void netlinkGivesTheListenersBacklogLimitAsSsDoes(Family family) throws Exception {
        Listener listener = new Listener(family, 7);
        listener.connect();
        listener.awaitListenBacklog(7);
        listener.awaitListenQueue(1);

        Listener another = new Listener(family, 3);
        another.awaitListenBacklog(3);
    }

    @Test
    void anIpv4MappedSocketIsReadFromTcp6AndCountedOnce() throws Exception {
        ServerSocketChannel server = listen(Family.IPV4_MAPPED, 50);
        int port = port(server);
        assumeTrue(SsWitness.countIpv6(TcpState.LISTEN, sport(port)) == 1,
                "this JVM made an IPv4-only socket (IPv6 is off), so nothing is IPv4-mapped");
        Path emptyTcp = Files.writeString(tmp.resolve("tcp"), "");
        Service service = TestServices.local("server", port);

        TcpStatesCollector tcp6Only = track(new TcpStatesCollector(
                new ProcfsSocketTableReader(emptyTcp, ProcfsSocketTableReader.DEFAULT_TCP6, 4096), List.of(service)));
        TcpStatesCollector tcpOnly = track(new TcpStatesCollector(
                new ProcfsSocketTableReader(ProcfsSocketTableReader.DEFAULT_TCP, tmp.resolve("absent"), 4096),
                List.of(service)));
        assertEquals(1, value(tcp6Only, "server-cons-listen"));
        assertEquals(0, value(tcpOnly, "server-cons-listen"));
        await(1, readers(service), "server", TcpState.LISTEN, sport(port));
    }

    private static String sport(int port) {
        return "( sport = :" + port + " )";
    }

    private static String dport(int port) {
        return "( dport = :" + port + " )";
    }

    /** Both readers on {@code services}; the netlink one asks the kernel only for their states and ports. */
    private Readers readers(Service... services) throws IOException {
        List<Service> list = List.of(services);
        return new Readers(track(new TcpStatesCollector(new ProcfsSocketTableReader(), list)),
                track(new TcpStatesCollector(NetlinkSocketTableReader.open(WantedSockets.of(list)), list)));
    }

    private TcpStatesCollector track(TcpStatesCollector collector) {
        collectors.add(collector);
        return collector;
    }

    private static long value(TcpStatesCollector collector, String metric) throws IOException {
        for (Metric m : collector.collect(Instant.now())) {
            if (m.name().equals(metric)) {
                return (long) m.value();
            }
        }
        throw new AssertionError("the collector emitted no metric " + metric);
    }

    /** A count taken now. */
    @FunctionalInterface
    private interface Count {
        long now() throws Exception;
    }

    private static void await(long expected, Readers readers, String service, TcpState state, String filter)
            throws Exception {
        String metric = service + "-cons-" + state.token();
        awaitAll(expected, metric + " (ss state " + state.ssName() + " '" + filter + "')", readers.counts(metric),
                () -> SsWitness.count(state, filter));
    }

    /**
     * Polls until every reader's count and ss's equal {@code expected} in the same round, or fails with all of
     * them at the deadline.
     */
    private static void awaitAll(long expected, String what, List<NamedCount> connwatch, Count ss) throws Exception {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (true) {
            StringBuilder seen = new StringBuilder();
            boolean all = true;
            for (NamedCount c : connwatch) {
                long ours = c.count().now();
                all &= ours == expected;
                seen.append(c.who()).append(" counted ").append(ours).append(", ");
            }
            long theirs = ss.now();
            if (all && theirs == expected) {
                return;
            }
            if (System.nanoTime() > deadline) {
                fail(what + ": expected " + expected + ", " + seen + "ss listed " + theirs);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }

    /** A listener on a port no other socket uses (see {@link SsWitness#usedOnlyByItsListener}). */
    private ServerSocketChannel listen(Family family, int backlog) throws IOException {
        for (int attempt = 1; ; attempt++) {
            ServerSocketChannel server = bind(family, backlog);
            try {
                if (attempt == 20 || SsWitness.usedOnlyByItsListener(port(server))) {
                    return server;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            opened.remove(server);
            server.close();
        }
    }

    private ServerSocketChannel bind(Family family, int backlog) throws IOException {
        ServerSocketChannel server;
        try {
            server = family.protocol == null ? ServerSocketChannel.open() : ServerSocketChannel.open(family.protocol);
        } catch (UnsupportedOperationException e) {
            assumeTrue(family != Family.IPV6, "IPv6 sockets are not supported here: " + e);
            throw e;
        }
        opened.add(server);
        try {
            server.bind(new InetSocketAddress(InetAddress.getByName(family.address), 0), backlog);
        } catch (IOException e) {
            assumeTrue(family != Family.IPV6, "::1 cannot be bound here: " + e);
            throw e;
        }
        return server;
    }

    private SocketChannel connect(Family family, int port) throws IOException {
        SocketChannel client = family.protocol == null ? SocketChannel.open() : SocketChannel.open(family.protocol);
        opened.add(client);
        client.connect(new InetSocketAddress(InetAddress.getByName(family.address), port));
        return client;
    }

    private static int port(NetworkChannel channel) throws IOException {
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }
}
