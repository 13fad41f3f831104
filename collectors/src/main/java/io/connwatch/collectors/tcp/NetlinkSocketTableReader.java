package io.connwatch.collectors.tcp;

import static io.connwatch.collectors.tcp.Netlink.AF_INET;
import static io.connwatch.collectors.tcp.Netlink.AF_INET6;
import static io.connwatch.collectors.tcp.Netlink.AF_NETLINK;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Reads the TCP socket table through a {@code NETLINK_SOCK_DIAG} socket, as {@code ss} does: per walk one
 * {@code SOCK_DIAG_BY_FAMILY} dump for {@code AF_INET} and one for {@code AF_INET6} (which includes the
 * IPv4-mapped sockets, each socket in exactly one of the two), asking only for the states some service counts and,
 * with an inet_diag bytecode filter, only for the services' ports. So the kernel neither prints nor sends the rest
 * of a busy host's table; what it sends is parsed in place from one reused direct buffer.
 *
 * <p>Listeners come with their backlog limit ({@link #knowsBacklog()} is {@code true}). Sockets seen, in
 * {@link CycleStats}, are those the kernel sent: the wanted ones, not the whole table as with procfs.
 *
 * <p>A walk that fails closes the netlink socket, and the next walk opens a new one: a dump left half read would
 * otherwise make the kernel refuse the next request ({@code EBUSY}) or hand its stale messages to it. Not
 * thread-safe.
 */
final class NetlinkSocketTableReader implements SocketTableReader {

    /** The kernel sends a dump in datagrams of at most 32 KiB; this holds the largest with room to spare. */
    static final int RECEIVE_BUFFER_SIZE = 256 * 1024;
    /** A dump that stalls this long fails the walk instead of hanging the collector. */
    static final int RECEIVE_TIMEOUT_SECONDS = 5;

    private static final String DUMP_INET = "the AF_INET TCP dump";
    private static final String DUMP_INET6 = "the AF_INET6 TCP dump";

    private final InetDiagDumpRequest request;
    private final InetDiagReplyParser parser = new InetDiagReplyParser();
    // The buffers are fields, not just their Pointers: a Pointer does not keep its direct buffer reachable, and a
    // collected buffer frees the memory the Pointer still points at.
    private final ByteBuffer receive;
    private final ByteBuffer sockaddrNl;
    private final ByteBuffer timeval;
    private final Pointer receiveAddress;
    private final Pointer requestAddress;
    private final Pointer kernelAddress;
    private final Pointer receiveTimeout;

    private int fd = -1;
    /** The sockets {@link #open}'s probe got back: none, as it asks for no state. */
    long probeSockets = -1;
    private int seq;
    private long receives;

    /**
     * Opens the reader and probes it: one dump per family asking for no state, so that whatever keeps netlink from
     * working here (no JNA native library, a kernel without sock_diag, a sandbox that refuses the socket or the
     * bytecode) shows now and not at the first cycle, without walking the socket table (a cron run would otherwise
     * walk it twice).
     *
     * @param wanted the states and ports the services need
     * @throws IOException   the socket or the probe dump failed; the message says which call and the errno
     * @throws LinkageError  JNA or its native library cannot be loaded here
     */
    static NetlinkSocketTableReader open(WantedSockets wanted) throws IOException {
        NetlinkSocketTableReader reader = new NetlinkSocketTableReader(wanted, true);
        try {
            reader.request.askStates(false);
            try {
                reader.probeSockets = reader.read((state, localPort, remotePort, acceptQueue, backlogLimit) -> { })
                        .socketsSeen();
            } finally {
                reader.request.askStates(true);
            }
            return reader;
        } catch (IOException | RuntimeException | Error e) {
            try {
                reader.close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * A reader that opens its socket at the first walk.
     *
     * @param wanted     the states to ask for and the ports to filter on
     * @param portFilter whether the kernel filters the ports (bytecode); if not, our loop does
     */
    NetlinkSocketTableReader(WantedSockets wanted, boolean portFilter) {
        if (!LibcSockets.SIZE_T_IS_64_BIT) {
            throw new UnsatisfiedLinkError("the netlink reader's libc binding needs a 64-bit JVM; this one has a "
                    + Native.SIZE_T_SIZE + "-byte size_t");
        }
        this.request = new InetDiagDumpRequest(wanted, portFilter);
        this.receive = ByteBuffer.allocateDirect(RECEIVE_BUFFER_SIZE).order(ByteOrder.nativeOrder());
        this.receiveAddress = Native.getDirectBufferPointer(receive);
        this.requestAddress = Native.getDirectBufferPointer(request.buffer());

        this.sockaddrNl = ByteBuffer.allocateDirect(12).order(ByteOrder.nativeOrder());
        sockaddrNl.putShort((short) AF_NETLINK).putShort((short) 0).putInt(0).putInt(0); // port id 0: the kernel
        this.kernelAddress = Native.getDirectBufferPointer(sockaddrNl);
        this.timeval = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        timeval.putLong(RECEIVE_TIMEOUT_SECONDS).putLong(0);
        this.receiveTimeout = Native.getDirectBufferPointer(timeval);
    }

    @Override
    public String name() {
        return "netlink";
    }

    @Override
    public boolean knowsBacklog() {
        return true;
    }

    /** Whether the kernel filters by port (else only by state). */
    boolean filtersPortsInKernel() {
        return request.filtersPorts();
    }

    /** The {@code recv} calls made since the reader was built: a measure of the native calls per walk. */
    long receives() {
        return receives;
    }

    @Override
    public CycleStats read(SocketVisitor visitor) throws IOException {
        parser.reset();
        try {
            if (fd < 0) {
                fd = openSocket();
                setReceiveTimeout();
            }
            dump(AF_INET, DUMP_INET, visitor);
            dump(AF_INET6, DUMP_INET6, visitor);
        } catch (IOException | RuntimeException e) {
            try {
                close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
        return new CycleStats(name(), parser.sockets(), parser.malformed());
    }

    private static int openSocket() throws IOException {
        int socket;
        try {
            socket = LibcSockets.socket(AF_NETLINK, Netlink.SOCK_RAW | Netlink.SOCK_CLOEXEC, Netlink.NETLINK_SOCK_DIAG);
        } catch (LastErrorException e) {
            throw new IOException("netlink sock_diag: socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG) failed: "
                    + Errno.describe(e.getErrorCode()), e);
        }
        return socket;
    }

    private void dump(int family, String dump, SocketVisitor visitor) throws IOException {
        int s = ++seq;
        request.prepare(family, s);
        long sent;
        try {
            sent = LibcSockets.sendto(fd, requestAddress, request.length(), 0, kernelAddress, 12);
        } catch (LastErrorException e) {
            throw new IOException("netlink sock_diag: sending " + dump + " request failed: "
                    + Errno.describe(e.getErrorCode()), e);
        }
        if (sent != request.length()) {
            throw new IOException("netlink sock_diag: sent " + sent + " of the " + request.length()
                    + " bytes of " + dump + " request");
        }
        while (true) {
            int n = receiveOnce(dump);
            if (parser.parse(receive, n, s, dump, visitor)) {
                return;
            }
        }
    }

    private void setReceiveTimeout() throws IOException {
        try {
            LibcSockets.setsockopt(fd, Netlink.SOL_SOCKET, Netlink.SO_RCVTIMEO, receiveTimeout, 16);
        } catch (LastErrorException e) {
            throw new IOException("netlink sock_diag: setsockopt(SO_RCVTIMEO) failed: "
                    + Errno.describe(e.getErrorCode()), e);
        }
    }

    private int receiveOnce(String dump) throws IOException {
        while (true) {
            long n;
            try {
                n = LibcSockets.recv(fd, receiveAddress, RECEIVE_BUFFER_SIZE, 0);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == Errno.EINTR) {
                    continue;
                }
                String why = e.getErrorCode() == Errno.EAGAIN
                        ? "no reply within " + RECEIVE_TIMEOUT_SECONDS + " s"
                        : Errno.describe(e.getErrorCode());
                throw new IOException("netlink sock_diag: receiving " + dump + " failed: " + why, e);
            }
            receives++;
            if (n <= 0) {
                throw new IOException("netlink sock_diag: the socket returned " + n + " bytes during " + dump);
            }
            return (int) n;
        }
    }

    @Override
    public void close() throws IOException {
        int open = fd;
        if (open < 0) {
            return;
        }
        fd = -1;
        try {
            LibcSockets.close(open);
        } catch (LastErrorException e) {
            throw new IOException("netlink sock_diag: close(" + open + ") failed: " + Errno.describe(e.getErrorCode()),
                    e);
        }
    }
}
