package io.connwatch.collectors.tcp;

import static io.connwatch.collectors.tcp.TestServices.local;
import static io.connwatch.collectors.tcp.TestServices.remote;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;

import io.connwatch.api.TcpState;

import org.junit.jupiter.api.Test;

/** Matching sockets to services, as ss's sport/dport filters would. */
class TcpStateCounterTest {

    private static final int ESTABLISHED = TcpState.ESTABLISHED.kernelCode();
    private static final int LISTEN = TcpState.LISTEN.kernelCode();

    @Test
    void aSocketOnASharedPortCountsForEachService() {
        TcpStateCounter counter = new TcpStateCounter(List.of(local("web", 80, 443), local("http", 80)));
        counter.socket(ESTABLISHED, 80, 40000, 0, -1);
        counter.socket(ESTABLISHED, 443, 40001, 0, -1);
        counter.socket(ESTABLISHED, 8080, 40002, 0, -1);
        assertEquals(2, counter.count(0, TcpState.ESTABLISHED));
        assertEquals(1, counter.count(1, TcpState.ESTABLISHED));
    }

    @Test
    void localAndRemotePortsAreSportAndDport() {
        TcpStateCounter counter = new TcpStateCounter(List.of(local("db", 6379), remote("redis", 6379)));
        counter.socket(ESTABLISHED, 6379, 50000, 0, -1); // this host serves redis
        counter.socket(ESTABLISHED, 50000, 6379, 0, -1); // this host is a redis client
        counter.socket(ESTABLISHED, 50001, 6379, 0, -1);
        assertEquals(1, counter.count(0, TcpState.ESTABLISHED));
        assertEquals(2, counter.count(1, TcpState.ESTABLISHED));
    }

    @Test
    void aSocketMatchingAServiceBothWaysCountsOnce() {
        // ss '( sport = :7000 or dport = :7000 )' lists such a socket once; a port listed twice changes nothing.
        TcpStateCounter counter = new TcpStateCounter(List.of(
                TestServices.of("mesh", List.of(7000, 7000), List.of(7000), EnumSet.allOf(TcpState.class))));
        counter.socket(ESTABLISHED, 7000, 7000, 0, -1);
        counter.socket(ESTABLISHED, 7000, 40000, 0, -1);
        counter.socket(ESTABLISHED, 40000, 7000, 0, -1);
        assertEquals(3, counter.count(0, TcpState.ESTABLISHED));
    }

    @Test
    void listenersAddTheirAcceptQueuesAndKnownBacklogsOthersDoNot() {
        TcpStateCounter counter = new TcpStateCounter(List.of(local("web", 80, 443), remote("up", 80)));
        counter.socket(LISTEN, 80, 0, 3, 128);
        counter.socket(LISTEN, 443, 0, 4, -1);
        counter.socket(ESTABLISHED, 80, 40000, 1000, -1); // rx bytes of a connection are no accept queue
        assertEquals(7, counter.listenQueue(0));
        assertEquals(128, counter.listenBacklog(0));
        assertEquals(2, counter.count(0, TcpState.LISTEN));
        assertEquals(0, counter.listenQueue(1));
    }

    @Test
    void unknownStatesAreIgnoredAndResetZeroesEverything() {
        TcpStateCounter counter = new TcpStateCounter(List.of(local("web", 80)));
        counter.socket(12, 80, 1, 0, -1);
        counter.socket(0, 80, 1, 0, -1);
        counter.socket(LISTEN, 80, 0, 9, 10);
        for (TcpState state : TcpState.values()) {
            assertEquals(state == TcpState.LISTEN ? 1 : 0, counter.count(0, state), state.name());
        }
        counter.reset();
        assertEquals(0, counter.count(0, TcpState.LISTEN));
        assertEquals(0, counter.listenQueue(0));
        assertEquals(0, counter.listenBacklog(0));
    }
}
