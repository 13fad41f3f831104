package io.connwatch.api;

import java.time.Instant;
import java.util.List;

/**
 * Produces metrics once per cycle. Built by a {@link CollectorProvider}.
 *
 * <p>The runner calls {@link #collect(Instant)} from one thread at a time, once per sampling cycle, and
 * {@link #close()} once when it stops. An exception from {@code collect} costs this collector's metrics of that
 * cycle only: the runner logs it with the plugin's type and jar and calls again next cycle.
 */
public interface Collector extends AutoCloseable {

    /**
     * Samples now and returns the metrics, each stamped with {@code timestamp}.
     *
     * @param timestamp the cycle's sample time, to put on every metric returned
     * @return the metrics of this cycle; may be empty, never {@code null}
     * @throws Exception if this cycle could not be sampled
     */
    List<Metric> collect(Instant timestamp) throws Exception;

    /** Releases what the collector holds (files, sockets). Does nothing unless overridden. */
    @Override
    default void close() throws Exception {
    }
}
