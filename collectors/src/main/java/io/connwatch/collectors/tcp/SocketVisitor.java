package io.connwatch.collectors.tcp;

/**
 * Receives every TCP socket of one walk over the socket table. Called once per socket, so the arguments are
 * primitives: a busy host has 100,000 sockets and the walk must not allocate per socket.
 */
@FunctionalInterface
interface SocketVisitor {

    /**
     * One socket.
     *
     * @param state        the kernel's state code ({@code TCP_ESTABLISHED} is 1 … {@code TCP_CLOSING} is 11), as
     *                     the reader found it; codes outside 1..11 may reach the visitor and should be ignored
     * @param localPort    the local port, 0..65535
     * @param remotePort   the remote port, 0..65535 (0 for a listener)
     * @param acceptQueue  for a listener: the connections waiting for {@code accept()}; for other sockets whatever
     *                     the reader has in that place (procfs: bytes in the receive queue)
     * @param backlogLimit for a listener: its backlog limit, or -1 when the reader does not know it
     */
    void socket(int state, int localPort, int remotePort, long acceptQueue, long backlogLimit);
}
