package io.connwatch.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The eleven states of a TCP socket, numbered as the Linux kernel numbers them.
 *
 * <p>{@link #token()} is the spelling used in the configuration and in metric names ({@code timewait}, as the
 * classic {@code ss}-based scripts spelled it); {@link #ssName()} is the name {@code ss state …} takes.
 */
public enum TcpState {
    ESTABLISHED(1, "established", "established"),
    SYN_SENT(2, "synsent", "syn-sent"),
    SYN_RECV(3, "synrecv", "syn-recv"),
    FIN_WAIT1(4, "finwait1", "fin-wait-1"),
    FIN_WAIT2(5, "finwait2", "fin-wait-2"),
    TIME_WAIT(6, "timewait", "time-wait"),
    CLOSE(7, "close", "closed"),
    CLOSE_WAIT(8, "closewait", "close-wait"),
    LAST_ACK(9, "lastack", "last-ack"),
    LISTEN(10, "listen", "listening"),
    CLOSING(11, "closing", "closing");

    private static final TcpState[] BY_KERNEL_CODE = new TcpState[12];

    static {
        for (TcpState s : values()) {
            BY_KERNEL_CODE[s.kernelCode] = s;
        }
    }

    private final int kernelCode;
    private final String token;
    private final String ssName;

    TcpState(int kernelCode, String token, String ssName) {
        this.kernelCode = kernelCode;
        this.token = token;
        this.ssName = ssName;
    }

    /** The kernel's number for this state ({@code TCP_ESTABLISHED} is 1, … {@code TCP_CLOSING} is 11). */
    public int kernelCode() {
        return kernelCode;
    }

    /** The configuration and metric-name spelling, for example {@code timewait}. */
    public String token() {
        return token;
    }

    /** The state's name in {@code ss}'s filter language, for example {@code time-wait}. */
    public String ssName() {
        return ssName;
    }

    /**
     * The state with the kernel's number {@code code}.
     *
     * @param code a kernel TCP state number
     * @return the state, or {@code null} if {@code code} is not 1 to 11; {@code null} rather than an exception
     *         because socket-table readers call this once per socket
     */
    public static TcpState ofKernelCode(int code) {
        return code > 0 && code < BY_KERNEL_CODE.length ? BY_KERNEL_CODE[code] : null;
    }

    /**
     * Parses a state as people write it: {@code timewait}, {@code time-wait}, {@code TIME_WAIT} and
     * {@code time_wait} are all {@link #TIME_WAIT}; {@code ss}'s {@code closed} and {@code listening} are
     * accepted too.
     *
     * @param text the state's name
     * @return the state, or empty if the text names none
     */
    public static Optional<TcpState> parse(String text) {
        String normalized = normalize(text);
        for (TcpState s : values()) {
            if (s.token.equals(normalized) || normalize(s.ssName).equals(normalized) || normalize(s.name()).equals(normalized)) {
                return Optional.of(s);
            }
        }
        if (normalized.equals("synreceived")) {
            return Optional.of(SYN_RECV);
        }
        return Optional.empty();
    }

    private static String normalize(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '-' && c != '_' && c != ' ') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
