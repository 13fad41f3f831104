package io.connwatch.runner.pipeline;

import io.connwatch.api.Metric;

import java.util.List;

/**
 * What one cycle of collection gave.
 *
 * @param metrics          the metrics of every collector that succeeded
 * @param failedCollectors how many collectors threw
 */
public record CollectionResult(List<Metric> metrics, int failedCollectors) {
}
