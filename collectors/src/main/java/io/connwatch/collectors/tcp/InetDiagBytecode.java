package io.connwatch.collectors.tcp;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Compiles "local port is one of L, or remote port is one of R" into an inet_diag bytecode filter, so the kernel
 * sends only the services' sockets instead of the whole table (as {@code ss '( sport = :80 or sport = :443 )'}
 * does).
 *
 * <p>The program is a list of {@code struct inet_diag_bc_op {u8 code; u8 yes; u16 no;}}: run an op, jump {@code yes}
 * bytes if it holds, else {@code no} bytes; the socket is accepted when the program runs off its exact end and
 * refused when it jumps beyond. Each port is one 12-byte block:
 * <pre>
 *   [S_EQ or D_EQ, yes=8, no=12] [port]      not equal: on to the next block (the last one: beyond the end)
 *   [JMP,          yes=4, no=to the end]     equal: accept
 * </pre>
 * The kernel's audit ({@code inet_diag_bc_audit}) follows the {@code yes} chain through every op and checks that each
 * {@code no} lands on an op or at most 4 bytes beyond the end; this layout passes it.
 */
final class InetDiagBytecode {

    static final int INET_DIAG_BC_JMP = 1;
    static final int INET_DIAG_BC_S_EQ = 11;
    static final int INET_DIAG_BC_D_EQ = 12;

    /** Bytes per port in the program. */
    static final int BLOCK = 12;
    /** More ports than this and the filter stays in our loop: a jump must fit the op's u16 {@code no} field. */
    static final int MAX_PORTS = 4096;

    private InetDiagBytecode() {
    }

    /** The program's length for {@code ports} ports. */
    static int length(int ports) {
        return ports * BLOCK;
    }

    /**
     * Writes the program at {@code out}'s position, in native byte order as the kernel reads it, and advances it.
     *
     * @param localPorts  ports matched against the socket's local port
     * @param remotePorts ports matched against the socket's remote port
     */
    static void write(ByteBuffer out, int[] localPorts, int[] remotePorts) {
        int ports = localPorts.length + remotePorts.length;
        if (ports == 0 || ports > MAX_PORTS) {
            throw new IllegalArgumentException("a port filter takes 1 to " + MAX_PORTS + " ports, not " + ports);
        }
        if (out.order() != ByteOrder.nativeOrder()) {
            throw new IllegalArgumentException("the bytecode is read in native byte order");
        }
        int total = length(ports);
        int block = 0;
        for (int port : localPorts) {
            writeBlock(out, INET_DIAG_BC_S_EQ, port, block++, ports, total);
        }
        for (int port : remotePorts) {
            writeBlock(out, INET_DIAG_BC_D_EQ, port, block++, ports, total);
        }
    }

    private static void writeBlock(ByteBuffer out, int code, int port, int block, int ports, int total) {
        boolean last = block == ports - 1;
        op(out, code, 8, last ? BLOCK + 4 : BLOCK);
        op(out, 0, 0, port);
        int jmpOffset = block * BLOCK + 8;
        op(out, INET_DIAG_BC_JMP, 4, total - jmpOffset);
    }

    private static void op(ByteBuffer out, int code, int yes, int no) {
        out.put((byte) code).put((byte) yes).putShort((short) no);
    }
}
