package io.connwatch.collectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import io.connwatch.api.TcpState;

import org.junit.jupiter.api.Test;

/** The dump request's bytes; that the kernel accepts and obeys them is {@link NetlinkSocketTableReaderTest}'s. */
class InetDiagDumpRequestTest {

    private static final WantedSockets WEB_AND_REDIS = WantedSockets.of(List.of(
            TestServices.of("web", List.of(443, 80), List.of(), EnumSet.of(TcpState.ESTABLISHED, TcpState.LISTEN)),
            TestServices.of("redis", List.of(), List.of(6379), EnumSet.of(TcpState.TIME_WAIT))));

    @Test
    void headerAndInetDiagReqV2() {
        InetDiagDumpRequest request = new InetDiagDumpRequest(WEB_AND_REDIS, true);
        request.prepare(Netlink.AF_INET6, 42);
        ByteBuffer b = request.buffer();

        assertEquals(16 + 56 + 4 + 3 * 12, request.length());
        assertEquals(request.length(), b.getInt(0));
        assertEquals(Netlink.SOCK_DIAG_BY_FAMILY, b.getShort(4));
        assertEquals(0x301, b.getShort(6)); // NLM_F_REQUEST | NLM_F_DUMP
        assertEquals(42, b.getInt(8));
        assertEquals(Netlink.AF_INET6, b.get(16));
        assertEquals(Netlink.IPPROTO_TCP, b.get(17));
        assertEquals(0, b.get(18), "no extensions asked for");
        assertEquals(1 << 1 | 1 << 6 | 1 << 10, b.getInt(20), "ESTABLISHED, TIME_WAIT and LISTEN");

        request.prepare(Netlink.AF_INET, 43);
        assertEquals(Netlink.AF_INET, b.get(16));
        assertEquals(43, b.getInt(8));
    }

    @Test
    void thePortFilterIsOneBlockPerPortLocalThenRemote() {
        InetDiagDumpRequest request = new InetDiagDumpRequest(WEB_AND_REDIS, true);
        ByteBuffer b = request.buffer();
        assertTrue(request.filtersPorts());
        assertEquals(4 + 36, b.getShort(72), "nla_len");
        assertEquals(Netlink.INET_DIAG_REQ_BYTECODE, b.getShort(74));

        List<String> ops = new ArrayList<>();
        for (int at = 76; at < request.length(); at += 4) {
            ops.add(b.get(at) + "/" + b.get(at + 1) + "/" + (b.getShort(at + 2) & 0xFFFF));
        }
        assertEquals(List.of(
                "11/8/12", "0/0/80", "1/4/28", // S_EQ 80: else the next block; JMP to the end (accept)
                "11/8/12", "0/0/443", "1/4/16",
                "12/8/16", "0/0/6379", "1/4/4"), // D_EQ 6379: else 4 bytes beyond the end (refuse)
                ops);
    }

    @Test
    void noPortsOrNoFilterMeansNoBytecode() {
        InetDiagDumpRequest unfiltered = new InetDiagDumpRequest(WEB_AND_REDIS, false);
        assertFalse(unfiltered.filtersPorts());
        assertEquals(72, unfiltered.length());

        InetDiagDumpRequest everything = new InetDiagDumpRequest(WantedSockets.EVERYTHING, true);
        assertFalse(everything.filtersPorts());
        assertEquals(0xFFE, everything.buffer().getInt(20), "all eleven states");
    }

    @Test
    void tooManyPortsForOneProgramAreFilteredInTheLoop() {
        int[] many = new int[InetDiagBytecode.MAX_PORTS + 1];
        for (int i = 0; i < many.length; i++) {
            many[i] = i + 1;
        }
        assertFalse(new InetDiagDumpRequest(new WantedSockets(1 << 1, many, new int[0]), true).filtersPorts());
        assertThrows(IllegalArgumentException.class,
                () -> InetDiagBytecode.write(ByteBuffer.allocate(1 << 16), many, new int[0]));
    }
}
