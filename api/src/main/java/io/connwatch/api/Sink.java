package io.connwatch.api;

import java.io.PrintStream;
import java.util.List;

/**
 * Delivers metrics somewhere: a backend, a file, the terminal. Built by a {@link SinkProvider}.
 *
 * <p>The runner calls {@link #publish(List)} from one thread at a time with every metric of a send, and
 * {@link #close()} once when it stops. A sink that throws does not stop the other sinks.
 */
public interface Sink extends AutoCloseable {

    /**
     * Delivers {@code metrics}. A metric without a namespace goes to the sink's default namespace.
     *
     * @param metrics the metrics to deliver, oldest first; never empty
     * @throws DeliveryException if some metrics were not delivered; it lists them, so that the runner can keep
     *                           them for a later try when the failure is transient
     */
    void publish(List<Metric> metrics) throws DeliveryException;

    /**
     * Shows what {@link #publish(List)} would send, sending nothing: for {@code connwatch run --dry-run}. Sinks
     * that batch should show the batches. The default prints one line per metric.
     *
     * @param metrics the metrics that would be published
     * @param out     where to print
     */
    default void preview(List<Metric> metrics, PrintStream out) {
        for (Metric m : metrics) {
            out.println((m.namespace() == null ? "(default namespace)" : m.namespace()) + " " + m.name() + " = "
                    + m.value() + " " + m.unit().cloudWatchName() + " " + m.dimensions());
        }
    }

    /** Flushes and releases what the sink holds. Does nothing unless overridden. */
    @Override
    default void close() throws Exception {
    }
}
