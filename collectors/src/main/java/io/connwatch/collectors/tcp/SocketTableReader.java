package io.connwatch.collectors.tcp;

import java.io.IOException;

/**
 * Walks the kernel's TCP socket table, IPv4 and IPv6, once per call. The seam between the counting and the way
 * the table is read: netlink sock_diag ({@link NetlinkSocketTableReader}) or procfs
 * ({@link ProcfsSocketTableReader}).
 *
 * <p>A reader that can ask the kernel for less is built with the {@link WantedSockets} (states and ports) the
 * services need, and may leave out every other socket; one that cannot hands them all. The visitor drops what no
 * service wants either way.
 *
 * <p>Not thread-safe: a reader reuses its buffers from one walk to the next, and the collector calls it from one
 * thread at a time.
 */
interface SocketTableReader extends AutoCloseable {

    /** The reader's name as the {@code bench} command prints it, such as {@code procfs}. */
    String name();

    /**
     * Whether {@link SocketVisitor#socket} gets the listeners' backlog limit; if not, it always gets -1 there.
     * Constant for the reader's life, so the collector knows up front which metrics it emits.
     */
    boolean knowsBacklog();

    /**
     * Hands every TCP socket of both families to {@code visitor}, each exactly once, except those the reader was
     * told are not wanted. A record that cannot be parsed is skipped and counted, never fatal.
     *
     * @param visitor receives the sockets
     * @return what this walk saw
     * @throws IOException if the table could not be read at all; the message names what was being read
     */
    CycleStats read(SocketVisitor visitor) throws IOException;

    /** Releases what the reader holds (a netlink socket). Does nothing unless overridden. */
    @Override
    default void close() throws IOException {
    }
}
