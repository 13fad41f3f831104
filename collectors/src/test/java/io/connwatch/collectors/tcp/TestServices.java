package io.connwatch.collectors.tcp;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.connwatch.api.Service;
import io.connwatch.api.TcpState;

/** Builds services for tests the way the config loader would. */
final class TestServices {

    private TestServices() {
    }

    static Service local(String name, Integer... ports) {
        return new Service(name, List.of(ports), List.of(), EnumSet.allOf(TcpState.class), null,
                Service.DEFAULT_METRIC_NAME);
    }

    static Service remote(String name, Integer... ports) {
        return new Service(name, List.of(), List.of(ports), EnumSet.allOf(TcpState.class), null,
                Service.DEFAULT_METRIC_NAME);
    }

    static Service of(String name, List<Integer> ports, List<Integer> remotePorts, Set<TcpState> states) {
        return new Service(name, ports, remotePorts, states, null, Service.DEFAULT_METRIC_NAME);
    }
}
