package io.connwatch.collectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The procfs reader on fixture files in the kernel's exact format. */
class ProcfsSocketTableReaderTest {

    @TempDir
    Path tmp;

    /** Every socket as "state localPort remotePort queue backlog", in the order the reader saw them. */
    private static final class Recorder implements SocketVisitor {
        final List<String> sockets = new ArrayList<>();

        @Override
        public void socket(int state, int localPort, int remotePort, long acceptQueue, long backlogLimit) {
            sockets.add(state + " " + localPort + " " + remotePort + " " + acceptQueue + " " + backlogLimit);
        }
    }

    static Path fixture(String name) {
        URL url = ProcfsSocketTableReaderTest.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test fixture " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readsEveryStateOfBothFamiliesWithPortsAndQueues() throws IOException {
        Recorder recorder = new Recorder();
        CycleStats stats = new ProcfsSocketTableReader(fixture("tcp"), fixture("tcp6"), 4096).read(recorder);

        List<String> expected = new ArrayList<>();
        for (int state = 1; state <= 11; state++) {
            // The listener (state 10) has remote port 0 and its accept queue (5) in rx_queue; the established
            // socket has 0x40 bytes unread there.
            expected.add(state + " 8080 " + (state == 10 ? 0 : 50000 + state) + " "
                    + (state == 10 ? 5 : state == 1 ? 64 : 0) + " -1");
        }
        expected.add("2 49152 6379 0 -1");
        for (int state = 1; state <= 11; state++) {
            expected.add(state + " 8080 " + (state == 10 ? 0 : 60000 + state) + " " + (state == 10 ? 2 : 0) + " -1");
        }
        expected.add("1 8080 40000 0 -1"); // ::ffff:127.0.0.1, once
        expected.add("1 49153 6379 0 -1"); // lower-case hex
        assertEquals(expected, recorder.sockets);
        assertEquals(new CycleStats("procfs", 25, 0), stats);
    }

    @Test
    void skipsAndCountsMalformedLinesWhileGoodLinesStillCount() throws IOException {
        Recorder recorder = new Recorder();
        CycleStats stats = new ProcfsSocketTableReader(fixture("tcp-malformed"), tmp.resolve("absent"), 4096)
                .read(recorder);

        assertEquals(List.of("1 8080 50001 0 -1", "10 8080 0 3 -1", "6 8080 50011 0 -1"), recorder.sockets);
        // truncated x2, bad hex port, bad hex state, garbage, IPv6-wide address in tcp, no colon after the slot,
        // five-digit port, bad hex rx_queue, truncated last line without newline; the blank line is not counted.
        assertEquals(new CycleStats("procfs", 3, 10), stats);
    }

    @Test
    void anIpv4WideAddressInTcp6IsMalformed() throws IOException {
        Path tcp6 = write("tcp6", header() + "   0: 0100007F:1F90 0100007F:C351 01 00000000:00000000 00:00000000 0\n");
        Recorder recorder = new Recorder();
        CycleStats stats = new ProcfsSocketTableReader(write("tcp", header()), tcp6, 4096).read(recorder);
        assertTrue(recorder.sockets.isEmpty());
        assertEquals(1, stats.malformedLines());
    }

    @Test
    void missingTcp6IsFineButMissingTcpIsAnErrorNamingTheFile() throws IOException {
        Recorder recorder = new Recorder();
        CycleStats stats = new ProcfsSocketTableReader(fixture("tcp"), tmp.resolve("no-tcp6"), 4096).read(recorder);
        assertEquals(12, stats.socketsSeen());

        Path missing = tmp.resolve("no-tcp");
        IOException e = assertThrows(IOException.class,
                () -> new ProcfsSocketTableReader(missing, fixture("tcp6"), 4096).read(new Recorder()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void linesCrossingTheBufferAreParsedAndAnOverlongLineIsOneMalformed() throws IOException {
        // A 256-byte buffer holds fewer than two lines, so nearly every line crosses a read boundary.
        StringBuilder text = new StringBuilder(header());
        int sockets = 2000;
        for (int i = 0; i < sockets; i++) {
            int state = 1 + i % 11;
            text.append(String.format("%4d: 0100007F:%04X 0100007F:%04X %02X 00000000:%08X 00:00000000 00000000  1000"
                    + "        0 %d 1 ffff8d7a1c2b3c00 20 4 30 10 -1%n", i, 1000 + i, 30000 + i, state, i, 5000 + i));
            if (i == 700) {
                text.append("x".repeat(1000)).append('\n');
            }
        }
        Recorder recorder = new Recorder();
        CycleStats stats = new ProcfsSocketTableReader(write("tcp", text.toString()), tmp.resolve("absent"), 256)
                .read(recorder);

        assertEquals(new CycleStats("procfs", sockets, 1), stats);
        for (int i = 0; i < sockets; i++) {
            assertEquals((1 + i % 11) + " " + (1000 + i) + " " + (30000 + i) + " " + i + " -1", recorder.sockets.get(i));
        }
    }

    @Test
    void theSameReaderGivesTheSameCountsCycleAfterCycle() throws IOException {
        ProcfsSocketTableReader reader = new ProcfsSocketTableReader(fixture("tcp-malformed"), fixture("tcp6"), 512);
        CycleStats first = reader.read(new Recorder());
        CycleStats second = reader.read(new Recorder());
        assertEquals(first, second);
        assertEquals(new CycleStats("procfs", 16, 10), second);
        assertFalse(reader.knowsBacklog());
    }

    @Test
    void readsTheMachinesOwnTables() throws IOException {
        Recorder recorder = new Recorder();
        CycleStats stats = new ProcfsSocketTableReader().read(recorder);
        assertEquals(0, stats.malformedLines(), "this kernel's /proc/net/tcp format is not understood");
        assertEquals(recorder.sockets.size(), stats.socketsSeen());
    }

    private static String header() {
        return "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.US_ASCII);
    }
}
