package io.connwatch.collectors.tcp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the TCP socket table from {@code /proc/net/tcp} and {@code /proc/net/tcp6}, each once per walk, through
 * one reused byte buffer.
 *
 * <p>A missing {@code tcp6} file means IPv6 is disabled and is not an error; a missing {@code tcp} file is. A line
 * that cannot be parsed is skipped and counted; the first such line is logged at warn with its file and line
 * number, later ones at debug, so that a kernel with a new format is noticed without flooding the log each cycle.
 * Procfs does not show a listener's backlog limit, so {@link #knowsBacklog()} is {@code false}.
 *
 * <p>Not thread-safe.
 */
final class ProcfsSocketTableReader implements SocketTableReader {

    /** The IPv4 table, as every Linux kernel shows it. */
    static final Path DEFAULT_TCP = Path.of("/proc/net/tcp");
    /** The IPv6 table; absent when IPv6 is disabled. */
    static final Path DEFAULT_TCP6 = Path.of("/proc/net/tcp6");

    /** Holds several hundred lines (~150 bytes each), so a read fetches many sockets at once. */
    static final int DEFAULT_BUFFER_SIZE = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(ProcfsSocketTableReader.class);
    private static final int MAX_LOGGED_LINE = 200;

    private final Path tcp;
    private final Path tcp6;
    private final byte[] buffer;
    private final ProcNetTcpLineParser ipv4 = new ProcNetTcpLineParser(ProcNetTcpLineParser.IPV4_ADDRESS_DIGITS);
    private final ProcNetTcpLineParser ipv6 = new ProcNetTcpLineParser(ProcNetTcpLineParser.IPV6_ADDRESS_DIGITS);

    private long socketsSeen;
    private long malformedLines;
    private boolean warnedMalformed;

    /** Reads the machine's own tables. */
    ProcfsSocketTableReader() {
        this(DEFAULT_TCP, DEFAULT_TCP6, DEFAULT_BUFFER_SIZE);
    }

    /**
     * @param tcp        the IPv4 table
     * @param tcp6       the IPv6 table; may be absent
     * @param bufferSize bytes read at a time; a line longer than this is skipped as malformed
     */
    ProcfsSocketTableReader(Path tcp, Path tcp6, int bufferSize) {
        if (bufferSize < 16) {
            throw new IllegalArgumentException("buffer size " + bufferSize + " is too small");
        }
        this.tcp = tcp;
        this.tcp6 = tcp6;
        this.buffer = new byte[bufferSize];
    }

    @Override
    public String name() {
        return "procfs";
    }

    @Override
    public boolean knowsBacklog() {
        return false;
    }

    @Override
    public CycleStats read(SocketVisitor visitor) throws IOException {
        socketsSeen = 0;
        malformedLines = 0;
        readTable(tcp, ipv4, false, visitor);
        readTable(tcp6, ipv6, true, visitor);
        return new CycleStats(name(), socketsSeen, malformedLines);
    }

    private void readTable(Path path, ProcNetTcpLineParser parser, boolean optional, SocketVisitor visitor)
            throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            if (optional) {
                return;
            }
            throw new IOException("cannot read the TCP socket table " + path + ": no such file", e);
        } catch (IOException e) {
            throw new IOException("cannot read the TCP socket table " + path + ": " + e.getMessage(), e);
        }
        try (in) {
            scanLines(in, path, parser, visitor);
        } catch (IOException e) {
            throw new IOException("cannot read the TCP socket table " + path + ": " + e.getMessage(), e);
        }
    }

    /** Splits the stream into lines inside the reused buffer, carrying a partial last line to the next read. */
    private void scanLines(InputStream in, Path path, ProcNetTcpLineParser parser, SocketVisitor visitor)
            throws IOException {
        byte[] b = buffer;
        int filled = 0;
        int lineNumber = 0;
        boolean inOverlongLine = false;
        int n;
        while ((n = in.read(b, filled, b.length - filled)) >= 0) {
            int scanFrom = filled;
            filled += n;
            int lineStart = 0;
            for (int i = scanFrom; i < filled; i++) {
                if (b[i] == '\n') {
                    lineNumber++;
                    if (inOverlongLine) {
                        inOverlongLine = false;
                        malformed(path, lineNumber, b, lineStart, i);
                    } else {
                        handleLine(b, lineStart, i, lineNumber, path, parser, visitor);
                    }
                    lineStart = i + 1;
                }
            }
            int rest = filled - lineStart;
            if (rest == b.length) {
                // No newline in a full buffer: no kernel line is that long. Drop it and count it when it ends.
                inOverlongLine = true;
                filled = 0;
            } else {
                System.arraycopy(b, lineStart, b, 0, rest);
                filled = rest;
            }
        }
        if (inOverlongLine) {
            malformed(path, lineNumber + 1, b, 0, filled);
        } else if (filled > 0) {
            handleLine(b, 0, filled, lineNumber + 1, path, parser, visitor);
        }
    }

    private void handleLine(byte[] b, int from, int to, int lineNumber, Path path, ProcNetTcpLineParser parser,
                            SocketVisitor visitor) {
        if (lineNumber == 1 && ProcNetTcpLineParser.isHeader(b, from, to)) {
            return;
        }
        if (ProcNetTcpLineParser.isBlank(b, from, to)) {
            return;
        }
        if (parser.parse(b, from, to, visitor)) {
            socketsSeen++;
        } else {
            malformed(path, lineNumber, b, from, to);
        }
    }

    private void malformed(Path path, int lineNumber, byte[] b, int from, int to) {
        malformedLines++;
        if (!warnedMalformed || LOG.isDebugEnabled()) {
            String text = new String(b, from, Math.min(to - from, MAX_LOGGED_LINE), StandardCharsets.ISO_8859_1);
            if (!warnedMalformed) {
                warnedMalformed = true;
                LOG.warn("{}:{}: skipped a line that is not a TCP socket: \"{}\" (later ones are logged at debug)",
                        path, lineNumber, text);
            } else {
                LOG.debug("{}:{}: skipped a line that is not a TCP socket: \"{}\"", path, lineNumber, text);
            }
        }
    }
}
