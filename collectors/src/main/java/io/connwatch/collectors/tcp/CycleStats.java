package io.connwatch.collectors.tcp;

/**
 * What one walk over the socket table saw: for the {@code bench} command and the daemon's cycle log line.
 *
 * @param reader         the reader's name, {@code netlink} or {@code procfs}
 * @param socketsSeen    the sockets handed to the visitor: every socket for procfs, only those of the wanted states
 *                       and ports for netlink, which asks the kernel for no others
 * @param malformedLines the lines (or records) the reader could not parse and skipped
 */
public record CycleStats(String reader, long socketsSeen, long malformedLines) {
}
