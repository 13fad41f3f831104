package io.connwatch.collectors.tcp;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.connwatch.api.Service;
import io.connwatch.api.TcpState;

/**
 * What the services need from the socket table: the states some service counts and the ports that make a socket
 * theirs. A reader that can ask the kernel for less (netlink sock_diag) uses it; one that cannot (procfs) reads
 * everything, and the {@link TcpStateCounter} drops what no service wants either way.
 *
 * @param stateMask   bit {@code 1 << kernelCode} set for each wanted state, as {@code inet_diag_req_v2.idiag_states}
 *                    takes it; {@code listen} is in it when some service counts it (and so wants its listen queue)
 * @param localPorts  the services' {@code ports}, sorted, each once
 * @param remotePorts the services' {@code remote-ports}, sorted, each once
 */
record WantedSockets(int stateMask, int[] localPorts, int[] remotePorts) {

    /** Every state, every port: what a reader asks for when it is told nothing. */
    static final WantedSockets EVERYTHING = new WantedSockets(allStates(), new int[0], new int[0]);

    /** The union over {@code services} of their states and ports. */
    static WantedSockets of(List<Service> services) {
        int mask = 0;
        Set<Integer> local = new TreeSet<>();
        Set<Integer> remote = new TreeSet<>();
        for (Service service : services) {
            for (TcpState state : service.states()) {
                mask |= 1 << state.kernelCode();
            }
            local.addAll(service.ports());
            remote.addAll(service.remotePorts());
        }
        return new WantedSockets(mask, toArray(local), toArray(remote));
    }

    private static int allStates() {
        int mask = 0;
        for (TcpState state : TcpState.values()) {
            mask |= 1 << state.kernelCode();
        }
        return mask;
    }

    private static int[] toArray(Set<Integer> ports) {
        return ports.stream().mapToInt(Integer::intValue).toArray();
    }
}
