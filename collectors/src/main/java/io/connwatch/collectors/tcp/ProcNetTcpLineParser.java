package io.connwatch.collectors.tcp;

/**
 * Parses one data line of {@code /proc/net/tcp} or {@code /proc/net/tcp6} straight from bytes: no String, no regex,
 * no allocation, because it runs once per socket.
 *
 * <p>The kernel prints each line as
 * {@code "%4d: %0NX:%04X %0NX:%04X %02X %08X:%08X ..."}: slot, local address and port, remote address and port,
 * state, tx_queue:rx_queue, then timers, uid, inode and more that are not needed here. The address has 8 hex
 * digits in {@code tcp} and 32 in {@code tcp6}. Every field up to rx_queue must be present with exactly the
 * kernel's width and be followed by a space, so a truncated or garbled line is refused rather than misread.
 */
final class ProcNetTcpLineParser {

    /** Hex digits of an address in {@code /proc/net/tcp}. */
    static final int IPV4_ADDRESS_DIGITS = 8;
    /** Hex digits of an address in {@code /proc/net/tcp6}. */
    static final int IPV6_ADDRESS_DIGITS = 32;

    private final int addressDigits;

    /**
     * @param addressDigits {@link #IPV4_ADDRESS_DIGITS} or {@link #IPV6_ADDRESS_DIGITS}
     */
    ProcNetTcpLineParser(int addressDigits) {
        if (addressDigits != IPV4_ADDRESS_DIGITS && addressDigits != IPV6_ADDRESS_DIGITS) {
            throw new IllegalArgumentException("address digits must be 8 or 32, not " + addressDigits);
        }
        this.addressDigits = addressDigits;
    }

    /**
     * Whether {@code b[from, to)} is the table's header line ({@code "  sl  local_address ..."}).
     */
    static boolean isHeader(byte[] b, int from, int to) {
        int i = skipSpaces(b, from, to);
        return i + 1 < to && b[i] == 's' && b[i + 1] == 'l';
    }

    /** Whether {@code b[from, to)} holds nothing but blanks. */
    static boolean isBlank(byte[] b, int from, int to) {
        return skipSpaces(b, from, to) == to;
    }

    /**
     * Parses the line {@code b[from, to)} (without its newline) and hands the socket to {@code visitor}.
     *
     * @return {@code true} if the line was a socket; {@code false} if it is malformed (the visitor was not called)
     */
    boolean parse(byte[] b, int from, int to, SocketVisitor visitor) {
        int i = skipSpaces(b, from, to);
        int digitsStart = i;
        while (i < to && b[i] >= '0' && b[i] <= '9') {
            i++;
        }
        if (i == digitsStart || i >= to || b[i] != ':') {
            return false;
        }
        i = skipSpaces(b, i + 1, to);

        // Addresses are only checked, not kept: services match on ports. Each socket is on one line of one file,
        // IPv4-mapped IPv6 ones (::ffff:a.b.c.d) included, so counting lines never counts a socket twice.
        if (!isHex(b, i, to, addressDigits) || !separator(b, i + addressDigits, to, ':')) {
            return false;
        }
        i += addressDigits + 1;
        int localPort = (int) hex(b, i, to, 4);
        if (localPort < 0 || !separator(b, i + 4, to, ' ')) {
            return false;
        }
        i = skipSpaces(b, i + 5, to);

        if (!isHex(b, i, to, addressDigits) || !separator(b, i + addressDigits, to, ':')) {
            return false;
        }
        i += addressDigits + 1;
        int remotePort = (int) hex(b, i, to, 4);
        if (remotePort < 0 || !separator(b, i + 4, to, ' ')) {
            return false;
        }
        i = skipSpaces(b, i + 5, to);

        int state = (int) hex(b, i, to, 2);
        if (state < 0 || !separator(b, i + 2, to, ' ')) {
            return false;
        }
        i = skipSpaces(b, i + 3, to);

        if (hex(b, i, to, 8) < 0 || !separator(b, i + 8, to, ':')) {
            return false;
        }
        i += 9;
        long rxQueue = hex(b, i, to, 8);
        if (rxQueue < 0 || !separator(b, i + 8, to, ' ')) {
            return false;
        }
        // For a listener the kernel prints its accept queue (sk_ack_backlog) as rx_queue; the backlog limit
        // (sk_max_ack_backlog) is not in procfs at all.
        visitor.socket(state, localPort, remotePort, rxQueue, -1);
        return true;
    }

    private static boolean separator(byte[] b, int i, int to, char expected) {
        return i < to && b[i] == expected;
    }

    private static int skipSpaces(byte[] b, int i, int to) {
        while (i < to && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
            i++;
        }
        return i;
    }

    private static boolean isHex(byte[] b, int from, int to, int digits) {
        if (from + digits > to) {
            return false;
        }
        for (int i = from; i < from + digits; i++) {
            if (hexValue(b[i]) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The value of exactly {@code digits} (at most 15) hex digits at {@code from}, or -1 if they are not that. */
    private static long hex(byte[] b, int from, int to, int digits) {
        if (from + digits > to) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < from + digits; i++) {
            int d = hexValue(b[i]);
            if (d < 0) {
                return -1;
            }
            value = (value << 4) | d;
        }
        return value;
    }

    private static int hexValue(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
