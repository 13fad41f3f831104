package io.connwatch.collectors.tcp;

import static io.connwatch.collectors.tcp.Netlink.INET_DIAG_REQ_BYTECODE;
import static io.connwatch.collectors.tcp.Netlink.INET_DIAG_REQ_V2_LEN;
import static io.connwatch.collectors.tcp.Netlink.IPPROTO_TCP;
import static io.connwatch.collectors.tcp.Netlink.NLMSG_HDRLEN;
import static io.connwatch.collectors.tcp.Netlink.NLM_F_DUMP;
import static io.connwatch.collectors.tcp.Netlink.NLM_F_REQUEST;
import static io.connwatch.collectors.tcp.Netlink.SOCK_DIAG_BY_FAMILY;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The {@code SOCK_DIAG_BY_FAMILY} dump request for TCP sockets: {@code nlmsghdr}, {@code inet_diag_req_v2} with the
 * wanted states, and, when ports are given, an {@code INET_DIAG_REQ_BYTECODE} port filter. Built once into a direct
 * buffer; each dump only rewrites the family and the sequence number.
 */
final class InetDiagDumpRequest {

    private static final int NLA_HDRLEN = 4;
    private static final int FAMILY_OFFSET = NLMSG_HDRLEN;
    private static final int SEQ_OFFSET = 8;
    private static final int STATES_OFFSET = NLMSG_HDRLEN + 4;

    private final ByteBuffer buffer;
    private final int length;
    private final boolean portFilter;

    /**
     * @param wanted     the states to ask for, and the ports to filter on
     * @param portFilter whether the kernel filters the ports (else every socket of the wanted states comes back);
     *                   ignored when {@code wanted} names no port or more than {@link InetDiagBytecode#MAX_PORTS}
     */
    private final int stateMask;

    InetDiagDumpRequest(WantedSockets wanted, boolean portFilter) {
        int ports = wanted.localPorts().length + wanted.remotePorts().length;
        this.portFilter = portFilter && ports > 0 && ports <= InetDiagBytecode.MAX_PORTS;
        int bytecode = this.portFilter ? InetDiagBytecode.length(ports) : 0;
        int attribute = this.portFilter ? Netlink.align(NLA_HDRLEN + bytecode) : 0;
        this.length = NLMSG_HDRLEN + INET_DIAG_REQ_V2_LEN + attribute;
        this.buffer = ByteBuffer.allocateDirect(length).order(ByteOrder.nativeOrder());

        buffer.putInt(length)
                .putShort((short) SOCK_DIAG_BY_FAMILY)
                .putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
                .putInt(0) // sequence number, per dump
                .putInt(0); // port id: the kernel fills it in
        buffer.put((byte) 0) // family, per dump
                .put((byte) IPPROTO_TCP)
                .put((byte) 0) // idiag_ext: no extensions, only the fixed inet_diag_msg
                .put((byte) 0)
                .putInt(wanted.stateMask());
        this.stateMask = wanted.stateMask();
        buffer.position(buffer.position() + 48); // inet_diag_sockid: zeros, as a dump wants
        if (this.portFilter) {
            buffer.putShort((short) (NLA_HDRLEN + bytecode)).putShort((short) INET_DIAG_REQ_BYTECODE);
            InetDiagBytecode.write(buffer, wanted.localPorts(), wanted.remotePorts());
        }
        buffer.clear();
    }

    /**
     * Sets the states the next dumps ask for: the wanted ones, or none. With none the kernel still checks the
     * request and its bytecode but walks no socket table (inet_diag skips its hash tables when no state is wanted):
     * a probe that costs nothing on a host with 100,000 sockets.
     */
    void askStates(boolean wantedOnes) {
        buffer.putInt(STATES_OFFSET, wantedOnes ? stateMask : 0);
    }

    /** Sets the family ({@code AF_INET} or {@code AF_INET6}) and sequence number of the next dump. */
    void prepare(int family, int seq) {
        buffer.put(FAMILY_OFFSET, (byte) family);
        buffer.putInt(SEQ_OFFSET, seq);
    }

    /** The request, in a direct buffer in native byte order. */
    ByteBuffer buffer() {
        return buffer;
    }

    /** The request's length in bytes. */
    int length() {
        return length;
    }

    /** Whether the kernel filters by port (the request carries bytecode). */
    boolean filtersPorts() {
        return portFilter;
    }
}
