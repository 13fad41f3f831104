package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.Metric;

/**
 * A metric that CloudWatch would refuse, kept out of every request.
 *
 * @param metric  the metric
 * @param problem why, naming the metric
 */
record RefusedMetric(Metric metric, String problem) {
}
