package io.connwatch.collectors.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;

import io.connwatch.api.TcpState;

import org.junit.jupiter.api.Test;

/** What the services together ask of the socket table. */
class WantedSocketsTest {

    @Test
    void theUnionOfStatesAndPortsSortedOnce() {
        WantedSockets wanted = WantedSockets.of(List.of(
                TestServices.of("web", List.of(443, 80), List.of(), EnumSet.of(TcpState.ESTABLISHED)),
                TestServices.of("alt", List.of(80, 8080), List.of(6379), EnumSet.of(TcpState.CLOSING)),
                TestServices.of("db", List.of(), List.of(3306, 6379), EnumSet.of(TcpState.LISTEN))));
        assertEquals(1 << 1 | 1 << 11 | 1 << 10, wanted.stateMask());
        assertArrayEquals(new int[] {80, 443, 8080}, wanted.localPorts());
        assertArrayEquals(new int[] {3306, 6379}, wanted.remotePorts());
    }

    @Test
    void everythingIsAllStatesAndNoPortFilter() {
        assertEquals(0b1111_1111_1110, WantedSockets.EVERYTHING.stateMask());
        assertEquals(0, WantedSockets.EVERYTHING.localPorts().length + WantedSockets.EVERYTHING.remotePorts().length);
    }
}
