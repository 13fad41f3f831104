/**
 * A sample plugin, written as a third party would: the {@code loadavg} collector, which reports the system load
 * averages of {@code /proc/loadavg}. It is built against {@code connwatch-api} only and is not part of the
 * runner; it is an example to copy, not API.
 */
package io.connwatch.examples.loadavg;
