package io.connwatch.collectors.tcp;

import static io.connwatch.collectors.tcp.Netlink.INET_DIAG_MSG_LEN;
import static io.connwatch.collectors.tcp.Netlink.MSG_DPORT;
import static io.connwatch.collectors.tcp.Netlink.MSG_RQUEUE;
import static io.connwatch.collectors.tcp.Netlink.MSG_SPORT;
import static io.connwatch.collectors.tcp.Netlink.MSG_STATE;
import static io.connwatch.collectors.tcp.Netlink.MSG_WQUEUE;
import static io.connwatch.collectors.tcp.Netlink.NLMSG_DONE;
import static io.connwatch.collectors.tcp.Netlink.NLMSG_ERROR;
import static io.connwatch.collectors.tcp.Netlink.NLMSG_HDRLEN;
import static io.connwatch.collectors.tcp.Netlink.SOCK_DIAG_BY_FAMILY;

import java.io.IOException;
import java.nio.ByteBuffer;

import io.connwatch.api.TcpState;

/**
 * Parses the replies to a sock_diag dump, one received datagram at a time, straight from the receive buffer: no
 * object per socket. A pure function of the bytes (plus two counters), so tests feed it constructed replies.
 *
 * <p>A dump arrives as many datagrams, each holding whole {@code nlmsghdr}-framed messages: {@code inet_diag_msg}
 * records flagged {@code NLM_F_MULTI}, then {@code NLMSG_DONE}. {@code NLMSG_ERROR}, or a {@code NLMSG_DONE} that
 * carries an error, fails the dump. A record too short to be an {@code inet_diag_msg} is skipped and counted; a
 * message whose length breaks the framing fails the dump, because nothing after it can be trusted. Messages with
 * another sequence number (left over from an earlier dump) are skipped.
 *
 * <p>Not thread-safe.
 */
final class InetDiagReplyParser {

    private static final int LISTEN = TcpState.LISTEN.kernelCode();

    private long sockets;
    private long malformed;

    /** Zeroes the counters, for the next cycle. */
    void reset() {
        sockets = 0;
        malformed = 0;
    }

    /** The sockets handed to visitors since the last reset. */
    long sockets() {
        return sockets;
    }

    /** The records skipped as malformed since the last reset. */
    long malformed() {
        return malformed;
    }

    /**
     * Parses the datagram {@code buf[0, length)}, in native byte order, and hands each socket to {@code visitor}.
     *
     * @param seq  the sequence number of the dump being read
     * @param dump what is being dumped, for error messages, such as {@code "the AF_INET TCP dump"}
     * @return {@code true} once the dump's {@code NLMSG_DONE} was read; {@code false} if more datagrams follow
     * @throws IOException the kernel reported an error (its errno in the message), or the framing is broken
     */
    boolean parse(ByteBuffer buf, int length, int seq, String dump, SocketVisitor visitor) throws IOException {
        int offset = 0;
        while (length - offset >= NLMSG_HDRLEN) {
            int messageLength = buf.getInt(offset);
            if (messageLength < NLMSG_HDRLEN || messageLength > length - offset) {
                throw new IOException("netlink sock_diag: " + dump + " sent a message at byte " + offset + " of a "
                        + length + "-byte reply that claims " + Integer.toUnsignedString(messageLength)
                        + " bytes: the reply is truncated or garbled");
            }
            int type = buf.getShort(offset + 4) & 0xFFFF;
            if (buf.getInt(offset + 8) == seq) {
                int payload = offset + NLMSG_HDRLEN;
                int payloadLength = messageLength - NLMSG_HDRLEN;
                if (type == SOCK_DIAG_BY_FAMILY) {
                    socket(buf, payload, payloadLength, visitor);
                } else if (type == NLMSG_DONE) {
                    int error = payloadLength >= 4 ? buf.getInt(payload) : 0;
                    if (error < 0) {
                        throw new IOException("netlink sock_diag: " + dump + " ended with " + Errno.describe(-error));
                    }
                    return true;
                } else if (type == NLMSG_ERROR) {
                    int error = payloadLength >= 4 ? buf.getInt(payload) : 0;
                    if (error != 0) {
                        throw new IOException("netlink sock_diag: the kernel refused " + dump + ": "
                                + Errno.describe(-error));
                    }
                }
                // NLMSG_NOOP, an acknowledgement (NLMSG_ERROR with 0) and unknown types carry no socket.
            }
            offset += Netlink.align(messageLength);
        }
        return false;
    }

    private void socket(ByteBuffer buf, int at, int length, SocketVisitor visitor) {
        if (length < INET_DIAG_MSG_LEN) {
            malformed++;
            return;
        }
        int state = buf.get(at + MSG_STATE) & 0xFF;
        // Ports in inet_diag_sockid are big-endian whatever the host's order.
        int localPort = (buf.get(at + MSG_SPORT) & 0xFF) << 8 | buf.get(at + MSG_SPORT + 1) & 0xFF;
        int remotePort = (buf.get(at + MSG_DPORT) & 0xFF) << 8 | buf.get(at + MSG_DPORT + 1) & 0xFF;
        long rqueue = buf.getInt(at + MSG_RQUEUE) & 0xFFFF_FFFFL;
        // For a listener the kernel puts sk_ack_backlog in rqueue and sk_max_ack_backlog in wqueue.
        long backlog = state == LISTEN ? buf.getInt(at + MSG_WQUEUE) & 0xFFFF_FFFFL : -1;
        sockets++;
        visitor.socket(state, localPort, remotePort, rqueue, backlog);
    }
}
