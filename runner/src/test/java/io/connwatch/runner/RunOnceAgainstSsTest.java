package io.connwatch.runner;

import io.connwatch.api.TcpState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The product's promise end to end: {@code connwatch run --once} with a config naming loopback ports and
 * {@code format: json} prints, for every state, exactly the count {@code ss} gives for the same filter.
 */
class RunOnceAgainstSsTest {

    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final Pattern JSON_LINE = Pattern.compile(
            "\\{\"timestamp\":\"[0-9T:\\-]+Z\",\"namespace\":\"([^\"]+)\",\"name\":\"([^\"]+)\",\"value\":(\\d+),"
                    + "\"unit\":\"Count\",\"dimensions\":\\{\"Host\":\"test-host\"}}");

    private final LoopbackConnections sockets = new LoopbackConnections();

    @AfterEach
    void closeAll() throws Exception {
        sockets.close();
    }

    @Test
    void everyCountEqualsSsOverIpv4AndIpv6(@TempDir Path dir) throws Exception {
        ServerSocket v4 = sockets.listen(InetAddress.getByName("127.0.0.1"));
        ServerSocket v6 = sockets.listen(InetAddress.getByName("::1"));
        int p4 = v4.getLocalPort();
        int p6 = v6.getLocalPort();
        for (ServerSocket server : List.of(v4, v6)) {
            shape(server);
        }
        // Wait until the kernel has settled every socket into the state this test made it for.
        Await.until(() -> ss(TcpState.TIME_WAIT, true, p4, p6) == 2 && ss(TcpState.FIN_WAIT2, true, p4, p6) == 2
                && ss(TcpState.CLOSE_WAIT, false, p4, p6) == 2, SETTLE, "the loopback sockets to reach their states");

        Files.writeString(dir.resolve("loopback.yaml"), """
                dimensions:
                  Host: ${env:TEST_HOST}
                services:
                  - name: svc
                    ports: [%d, %d]
                  - name: client
                    remote-ports: [%d, %d]
                    namespace: Clients
                collectors:
                  - type: tcp-states
                    source: netlink
                sinks:
                  - type: stdout
                    format: json
                """.formatted(p4, p6, p4, p6));
        ConnwatchProcess.Result r = ConnwatchProcess.run(dir, Map.of("TEST_HOST", "test-host"),
                "run", "--once", "--config", "loopback.yaml");
        assertEquals(0, r.exitCode(), r.stderr());

        Map<String, Integer> values = new HashMap<>();
        for (String line : r.stdoutLines()) {
            Matcher m = JSON_LINE.matcher(line);
            assertTrue(m.matches(), "not the documented JSON shape: " + line);
            values.put(m.group(1) + "/" + m.group(2), Integer.parseInt(m.group(3)));
        }
        // 11 states per service, plus the listeners' accept queue and backlog for the service with ports.
        assertEquals(11 + 2 + 11, values.size(), values.toString());
        for (TcpState state : TcpState.values()) {
            assertEquals(ss(state, true, p4, p6), values.get("connwatch/svc-cons-" + state.token()), state.token());
            assertEquals(ss(state, false, p4, p6), values.get("Clients/client-cons-" + state.token()), state.token());
        }
        // And the numbers this test built, per family: 2 accepted + 2 waiting in the queue, 1 TIME_WAIT, 1 FIN_WAIT_2.
        assertEquals(8, values.get("connwatch/svc-cons-established"));
        assertEquals(2, values.get("connwatch/svc-cons-timewait"));
        assertEquals(2, values.get("connwatch/svc-cons-finwait2"));
        assertEquals(2, values.get("connwatch/svc-cons-listen"));
        assertEquals(4, values.get("connwatch/svc-listen-queue"));
        assertEquals(LoopbackConnections.BACKLOG * 2, values.get("connwatch/svc-listen-backlog"), "both listeners' backlog limits");
        assertEquals(8, values.get("Clients/client-cons-established"));
        assertEquals(2, values.get("Clients/client-cons-closewait"));
    }

    /**
     * Six clients: four accepted (one closed by the server first, for TIME_WAIT; one half closed by the server,
     * for FIN_WAIT_2 here and CLOSE_WAIT at the client), two left waiting in the accept queue.
     */
    private void shape(ServerSocket server) throws IOException {
        List<LoopbackConnections.Connection> accepted = sockets.connect(server, 4);
        sockets.leaveInAcceptQueue(server, 2);
        LoopbackConnections.closeByServerFirst(accepted.get(0));
        LoopbackConnections.halfCloseByServer(accepted.get(1));
    }

    private static int ss(TcpState state, boolean local, int... ports) {
        return SsWitness.count(state, local, ports);
    }
}
