package io.connwatch.collectors.tcp;

/**
 * The numbers of the Linux netlink and sock_diag ABI that the netlink reader uses, from {@code linux/netlink.h},
 * {@code linux/sock_diag.h} and {@code linux/inet_diag.h}. They are the same on every Linux architecture.
 */
final class Netlink {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int NETLINK_SOCK_DIAG = 4;
    static final int IPPROTO_TCP = 6;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVTIMEO = 20;

    /** {@code struct nlmsghdr}: u32 len, u16 type, u16 flags, u32 seq, u32 pid. */
    static final int NLMSG_HDRLEN = 16;
    static final int NLMSG_NOOP = 1;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLM_F_REQUEST = 0x1;
    static final int NLM_F_DUMP = 0x300;

    static final int SOCK_DIAG_BY_FAMILY = 20;
    /** {@code struct inet_diag_req_v2}: family, protocol, ext, pad, u32 states, 48-byte inet_diag_sockid. */
    static final int INET_DIAG_REQ_V2_LEN = 56;
    /** {@code struct inet_diag_msg}: family, state, timer, retrans, sockid (48), expires, rqueue, wqueue, uid, inode. */
    static final int INET_DIAG_MSG_LEN = 72;
    static final int INET_DIAG_REQ_BYTECODE = 1;

    /** Offsets inside {@code struct inet_diag_msg}. */
    static final int MSG_STATE = 1;
    static final int MSG_SPORT = 4;
    static final int MSG_DPORT = 6;
    static final int MSG_RQUEUE = 56;
    static final int MSG_WQUEUE = 60;

    private Netlink() {
    }

    /** Rounds up to the 4-byte boundary that netlink messages and attributes are aligned to. */
    static int align(int length) {
        return (length + 3) & ~3;
    }
}
