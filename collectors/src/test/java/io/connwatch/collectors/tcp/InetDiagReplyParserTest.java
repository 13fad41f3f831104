package io.connwatch.collectors.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The sock_diag reply parser on constructed datagrams, as the kernel frames them. */
class InetDiagReplyParserTest {

    private static final int SEQ = 7;
    private static final String DUMP = "the AF_INET TCP dump";
    private static final int ESTABLISHED = 1;
    private static final int TIME_WAIT = 6;
    private static final int LISTEN = 10;

    private final InetDiagReplyParser parser = new InetDiagReplyParser();
    private final List<String> seen = new ArrayList<>();
    private final SocketVisitor recorder = (state, localPort, remotePort, acceptQueue, backlogLimit) ->
            seen.add(state + " " + localPort + " " + remotePort + " " + acceptQueue + " " + backlogLimit);

    private boolean parse(NetlinkReplies datagram) throws IOException {
        return parser.parse(datagram.buffer(), datagram.length(), SEQ, DUMP, recorder);
    }

    @Test
    void aMultiPartDumpSplitAcrossDatagramsEndsAtDone() throws IOException {
        NetlinkReplies first = new NetlinkReplies()
                .socket(SEQ, Netlink.AF_INET, LISTEN, 8080, 0, 3, 128)
                .socket(SEQ, Netlink.AF_INET, ESTABLISHED, 8080, 50000, 0, 0)
                .socket(SEQ, Netlink.AF_INET6, TIME_WAIT, 65535, 443, 0, 0);
        NetlinkReplies second = new NetlinkReplies()
                .socket(SEQ, Netlink.AF_INET6, ESTABLISHED, 40000, 6379, 0xFFFF_FFFF, 9)
                .done(SEQ, 0);

        assertFalse(parse(first), "no NLMSG_DONE yet: more datagrams follow");
        assertTrue(parse(second));
        assertEquals(List.of(
                "10 8080 0 3 128", // a listener: accept queue and backlog limit
                "1 8080 50000 0 -1", // ports are big-endian, 50000 is above 32767
                "6 65535 443 0 -1",
                "1 40000 6379 4294967295 -1"), seen); // queues are unsigned
        assertEquals(4, parser.sockets());
        assertEquals(0, parser.malformed());
    }

    @Test
    void anNlmsgErrorFailsTheDumpWithTheErrno() {
        NetlinkReplies datagram = new NetlinkReplies().error(SEQ, -1);
        IOException e = assertThrows(IOException.class, () -> parse(datagram));
        assertEquals("netlink sock_diag: the kernel refused the AF_INET TCP dump: EPERM (operation not permitted)",
                e.getMessage());
    }

    @Test
    void anUnknownErrnoIsGivenByNumber() {
        IOException e = assertThrows(IOException.class, () -> parse(new NetlinkReplies().error(SEQ, -200)));
        assertTrue(e.getMessage().endsWith(": errno 200"), e.getMessage());
    }

    @Test
    void aDoneCarryingAnErrorFailsTheDump() {
        NetlinkReplies datagram = new NetlinkReplies().socket(SEQ, Netlink.AF_INET, ESTABLISHED, 80, 1, 0, 0)
                .done(SEQ, -12);
        IOException e = assertThrows(IOException.class, () -> parse(datagram));
        assertEquals("netlink sock_diag: the AF_INET TCP dump ended with ENOMEM (out of memory)", e.getMessage());
    }

    @Test
    void aMessageLongerThanTheDatagramIsATruncatedReply() {
        NetlinkReplies datagram = new NetlinkReplies().socket(SEQ, Netlink.AF_INET, ESTABLISHED, 80, 1, 0, 0)
                .raw(200, Netlink.SOCK_DIAG_BY_FAMILY, SEQ, 40);
        IOException e = assertThrows(IOException.class, () -> parse(datagram));
        assertEquals("netlink sock_diag: the AF_INET TCP dump sent a message at byte 88 of a 144-byte reply that "
                + "claims 200 bytes: the reply is truncated or garbled", e.getMessage());
        assertEquals(List.of("1 80 1 0 -1"), seen, "what came before the broken message was read");
    }

    @Test
    void aLengthShorterThanAHeaderIsGarbled() {
        NetlinkReplies datagram = new NetlinkReplies().raw(8, Netlink.SOCK_DIAG_BY_FAMILY, SEQ, 0);
        IOException e = assertThrows(IOException.class, () -> parse(datagram));
        assertTrue(e.getMessage().contains("claims 8 bytes"), e.getMessage());
    }

    @Test
    void aRecordTooShortForAnInetDiagMsgIsSkippedAndCounted() throws IOException {
        NetlinkReplies datagram = new NetlinkReplies()
                .raw(Netlink.NLMSG_HDRLEN + 20, Netlink.SOCK_DIAG_BY_FAMILY, SEQ, 20)
                .socket(SEQ, Netlink.AF_INET, ESTABLISHED, 80, 1, 0, 0)
                .done(SEQ, 0);
        assertTrue(parse(datagram));
        assertEquals(List.of("1 80 1 0 -1"), seen);
        assertEquals(1, parser.malformed());
        assertEquals(1, parser.sockets());

        parser.reset();
        assertEquals(0, parser.malformed());
        assertEquals(0, parser.sockets());
    }

    @Test
    void attributesAfterARecordAreSkippedToTheNextAlignedMessage() throws IOException {
        NetlinkReplies datagram = new NetlinkReplies()
                .socket(SEQ, Netlink.AF_INET, LISTEN, 80, 0, 1, 7, 5) // 93 bytes, padded to 96
                .socket(SEQ, Netlink.AF_INET, ESTABLISHED, 80, 2, 0, 0, 12)
                .done(SEQ, 0);
        assertTrue(parse(datagram));
        assertEquals(List.of("10 80 0 1 7", "1 80 2 0 -1"), seen);
    }

    @Test
    void messagesOfAnEarlierDumpAndOtherTypesAreSkipped() throws IOException {
        NetlinkReplies datagram = new NetlinkReplies()
                .socket(SEQ - 1, Netlink.AF_INET, ESTABLISHED, 80, 1, 0, 0)
                .done(SEQ - 1, 0)
                .error(SEQ - 1, -16)
                .raw(Netlink.NLMSG_HDRLEN, Netlink.NLMSG_NOOP, SEQ, 0)
                .error(SEQ, 0) // an acknowledgement, not an error
                .socket(SEQ, Netlink.AF_INET, ESTABLISHED, 80, 2, 0, 0);
        assertFalse(parse(datagram));
        assertEquals(List.of("1 80 2 0 -1"), seen);
        assertEquals(0, parser.malformed());
    }
}
