package io.connwatch.runner;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Listeners and connections on loopback (ephemeral ports only) that a test shapes into the TCP states it counts;
 * closing it closes every socket it opened.
 */
final class LoopbackConnections implements AutoCloseable {

    /** The backlog every listener asks for: what the listen-backlog metric then reports per listener. */
    static final int BACKLOG = 50;

    /** One accepted connection: the client's end and the server's. */
    record Connection(Socket client, Socket server) {
    }

    private final List<Closeable> open = new ArrayList<>();

    /**
     * A listener on {@code address}, on a port the kernel picks and no other socket uses (see
     * {@link SsWitness#usedOnlyByItsListener}), with a backlog of {@link #BACKLOG}.
     */
    ServerSocket listen(InetAddress address) throws IOException {
        for (int attempt = 1; ; attempt++) {
            ServerSocket server = new ServerSocket();
            server.bind(new InetSocketAddress(address, 0), BACKLOG);
            if (attempt == 20 || SsWitness.usedOnlyByItsListener(server.getLocalPort())) {
                open.add(server);
                return server;
            }
            server.close();
        }
    }

    /** A listener on 127.0.0.1. */
    ServerSocket listen() throws IOException {
        return listen(InetAddress.getByName("127.0.0.1"));
    }

    /** {@code n} clients connected to {@code server} and accepted by it, each paired with its accepted end. */
    List<Connection> connect(ServerSocket server, int n) throws IOException {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Socket client = connectClient(server);
            Socket accepted = server.accept();
            open.add(accepted);
            // Only true if nothing else waited in the accept queue; a test that queues clients does so afterwards.
            assertEquals(client.getLocalPort(), accepted.getPort(), "accepted a different client than just connected");
            connections.add(new Connection(client, accepted));
        }
        return connections;
    }

    /** {@code n} clients connected to {@code server} and left waiting in its accept queue. */
    void leaveInAcceptQueue(ServerSocket server, int n) throws IOException {
        for (int i = 0; i < n; i++) {
            connectClient(server);
        }
    }

    private Socket connectClient(ServerSocket server) throws IOException {
        Socket client = new Socket(server.getInetAddress(), server.getLocalPort());
        open.add(client);
        return client;
    }

    /** The server closes first, then the client: the server's end waits in TIME_WAIT. */
    static void closeByServerFirst(Connection c) throws IOException {
        c.server().close();
        assertEquals(-1, c.client().getInputStream().read(), "the client sees the server's FIN");
        c.client().close();
    }

    /** The server half closes: its end waits in FIN_WAIT_2, the client's in CLOSE_WAIT. */
    static void halfCloseByServer(Connection c) throws IOException {
        c.server().shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        for (Closeable c : open) {
            c.close();
        }
    }
}
