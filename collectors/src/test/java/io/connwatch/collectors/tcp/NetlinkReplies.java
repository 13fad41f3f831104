package io.connwatch.collectors.tcp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Builds netlink datagrams as the kernel sends them in reply to a sock_diag dump, for the parser's tests. */
final class NetlinkReplies {

    static final int NLM_F_MULTI = 0x2;

    private final ByteBuffer buf = ByteBuffer.allocate(64 * 1024).order(ByteOrder.nativeOrder());

    /** An {@code inet_diag_msg} for a TCP socket, flagged {@code NLM_F_MULTI}. */
    NetlinkReplies socket(int seq, int family, int state, int localPort, int remotePort, int rqueue, int wqueue) {
        return socket(seq, family, state, localPort, remotePort, rqueue, wqueue, 0);
    }

    /** The same with {@code attributeBytes} of attributes after it (the kernel may add some), unaligned. */
    NetlinkReplies socket(int seq, int family, int state, int localPort, int remotePort, int rqueue, int wqueue,
                          int attributeBytes) {
        int start = header(Netlink.NLMSG_HDRLEN + Netlink.INET_DIAG_MSG_LEN + attributeBytes,
                Netlink.SOCK_DIAG_BY_FAMILY, NLM_F_MULTI, seq);
        int msg = start + Netlink.NLMSG_HDRLEN;
        buf.put(msg, (byte) family);
        buf.put(msg + Netlink.MSG_STATE, (byte) state);
        buf.put(msg + 4, (byte) (localPort >> 8)).put(msg + 5, (byte) localPort); // big-endian, as in the kernel
        buf.put(msg + 6, (byte) (remotePort >> 8)).put(msg + 7, (byte) remotePort);
        buf.putInt(msg + Netlink.MSG_RQUEUE, rqueue);
        buf.putInt(msg + Netlink.MSG_WQUEUE, wqueue);
        for (int i = 0; i < attributeBytes; i++) {
            buf.put(msg + Netlink.INET_DIAG_MSG_LEN + i, (byte) 0x5A);
        }
        return end(start);
    }

    /** {@code NLMSG_DONE} with the dump's result (0, or a negative errno). */
    NetlinkReplies done(int seq, int result) {
        int start = header(Netlink.NLMSG_HDRLEN + 4, Netlink.NLMSG_DONE, NLM_F_MULTI, seq);
        buf.putInt(start + Netlink.NLMSG_HDRLEN, result);
        return end(start);
    }

    /** {@code NLMSG_ERROR} with a negative errno and the request's header echoed. */
    NetlinkReplies error(int seq, int negativeErrno) {
        int start = header(Netlink.NLMSG_HDRLEN + 4 + Netlink.NLMSG_HDRLEN, Netlink.NLMSG_ERROR, 0, seq);
        buf.putInt(start + Netlink.NLMSG_HDRLEN, negativeErrno);
        return end(start);
    }

    /** A message of any type whose header claims {@code claimedLength} and whose payload is {@code payload} zeros. */
    NetlinkReplies raw(int claimedLength, int type, int seq, int payload) {
        int start = buf.position();
        buf.putInt(start, claimedLength).putShort(start + 4, (short) type).putShort(start + 6, (short) 0)
                .putInt(start + 8, seq).putInt(start + 12, 0);
        for (int i = 0; i < payload; i++) {
            buf.put(start + Netlink.NLMSG_HDRLEN + i, (byte) 0);
        }
        buf.position(start + Netlink.NLMSG_HDRLEN + payload);
        return this;
    }

    /** The datagram's bytes so far; the parser reads {@code [0, length())}. */
    ByteBuffer buffer() {
        return buf;
    }

    int length() {
        return buf.position();
    }

    private int header(int length, int type, int flags, int seq) {
        int start = buf.position();
        buf.putInt(start, length).putShort(start + 4, (short) type).putShort(start + 6, (short) flags)
                .putInt(start + 8, seq).putInt(start + 12, 4242);
        buf.position(start + length);
        return start;
    }

    private NetlinkReplies end(int start) {
        buf.position(start + Netlink.align(buf.getInt(start)));
        return this;
    }
}
