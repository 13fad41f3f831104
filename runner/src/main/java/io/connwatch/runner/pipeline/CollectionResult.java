package io.connwatch.runner.pipeline;

import io.connwatch.api.Metric;

import java.util.List;

/**
 * What one cycle of collection gave.
 *
 * @param metrics          the metrics of every collector that succeeded
 * @param failedCollectors how many collectors threw
 * @param socketsSeen      the sockets the {@code tcp-states} collectors' readers saw this cycle, for the log line;
 *                         -1 when no such collector ran
 */
public record CollectionResult(List<Metric> metrics, int failedCollectors, long socketsSeen) {

    /** A cycle without a {@code tcp-states} collector. */
    public CollectionResult(List<Metric> metrics, int failedCollectors) {
        this(metrics, failedCollectors, -1);
    }
}
