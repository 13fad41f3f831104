/**
 * The built-in {@code tcp-states} collector: counts TCP sockets per configured service and state in one pass over
 * the kernel's socket table per cycle.
 *
 * <p>Internal to connwatch, not public API: plugin authors compile against {@code io.connwatch.api} only. The
 * classes here may change in any release. {@link io.connwatch.collectors.tcp.SocketTableReader} is the seam
 * behind which the socket table is read: netlink sock_diag through JNA, or procfs.
 */
package io.connwatch.collectors.tcp;
