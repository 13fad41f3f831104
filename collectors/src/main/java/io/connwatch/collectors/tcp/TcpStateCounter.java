package io.connwatch.collectors.tcp;

import java.util.Arrays;
import java.util.List;

import io.connwatch.api.Service;
import io.connwatch.api.TcpState;

/**
 * Counts the sockets of one walk per service and state, for all services at once: each socket costs two array
 * look-ups (by local port, by remote port) plus one increment per service it belongs to.
 *
 * <p>A socket belongs to a service when its local port is one of the service's {@code ports} or its remote port
 * one of its {@code remote-ports}, as {@code ss}'s {@code ( sport = :P or dport = :R )} selects it: once per
 * service even if it matches both ways, and once for each of several services that share a port. The listeners of
 * a service's {@code ports} also add their accept queues (and backlog limits, when the reader knows them).
 *
 * <p>Not thread-safe; {@link #reset()} before each walk.
 */
final class TcpStateCounter implements SocketVisitor {

    private static final int PORTS = 65536;
    private static final int STATE_SLOTS = 12;
    private static final int LISTEN = TcpState.LISTEN.kernelCode();

    /** Indexes of the services per local port; {@code null} where none. */
    private final int[][] byLocalPort = new int[PORTS][];
    /** Indexes of the services per remote port; {@code null} where none. */
    private final int[][] byRemotePort = new int[PORTS][];
    /** counts[service][kernel state code]; slot 0 unused. */
    private final long[][] counts;
    private final long[] listenQueue;
    private final long[] listenBacklog;

    /**
     * @param services the services, in the order their indexes refer to
     */
    TcpStateCounter(List<Service> services) {
        int n = services.size();
        counts = new long[n][STATE_SLOTS];
        listenQueue = new long[n];
        listenBacklog = new long[n];
        for (int s = 0; s < n; s++) {
            for (int port : services.get(s).ports()) {
                add(byLocalPort, port, s);
            }
            for (int port : services.get(s).remotePorts()) {
                add(byRemotePort, port, s);
            }
        }
    }

    /** Adds service {@code s} to {@code port}'s list unless it is there already (a port listed twice). */
    private static void add(int[][] table, int port, int s) {
        int[] old = table[port];
        if (old == null) {
            table[port] = new int[] {s};
        } else if (!contains(old, s)) {
            int[] grown = Arrays.copyOf(old, old.length + 1);
            grown[old.length] = s;
            table[port] = grown;
        }
    }

    private static boolean contains(int[] services, int s) {
        if (services != null) {
            for (int x : services) {
                if (x == s) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Zeroes every count, for the next walk. */
    void reset() {
        for (long[] row : counts) {
            Arrays.fill(row, 0);
        }
        Arrays.fill(listenQueue, 0);
        Arrays.fill(listenBacklog, 0);
    }

    @Override
    public void socket(int state, int localPort, int remotePort, long acceptQueue, long backlogLimit) {
        if (state <= 0 || state >= STATE_SLOTS || (localPort & ~0xFFFF) != 0 || (remotePort & ~0xFFFF) != 0) {
            return;
        }
        int[] local = byLocalPort[localPort];
        if (local != null) {
            for (int s : local) {
                counts[s][state]++;
                if (state == LISTEN) {
                    listenQueue[s] += acceptQueue;
                    if (backlogLimit >= 0) {
                        listenBacklog[s] += backlogLimit;
                    }
                }
            }
        }
        int[] remote = byRemotePort[remotePort];
        if (remote != null) {
            for (int s : remote) {
                if (!contains(local, s)) {
                    counts[s][state]++;
                }
            }
        }
    }

    /** The sockets of service {@code s} in {@code state} seen since the last reset. */
    long count(int s, TcpState state) {
        return counts[s][state.kernelCode()];
    }

    /** The accept queues of service {@code s}'s listeners, summed. */
    long listenQueue(int s) {
        return listenQueue[s];
    }

    /** The backlog limits of service {@code s}'s listeners, summed; 0 when the reader does not know them. */
    long listenBacklog(int s) {
        return listenBacklog[s];
    }
}
