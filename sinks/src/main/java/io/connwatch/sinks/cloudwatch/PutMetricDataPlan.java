package io.connwatch.sinks.cloudwatch;

import java.util.List;

/**
 * What one publish sends: the requests, and the metrics refused before sending.
 *
 * @param batches the requests, grouped by namespace in the order the namespaces first appear
 * @param refused the metrics that CloudWatch would refuse, with the reasons
 */
record PutMetricDataPlan(List<PutMetricDataBatch> batches, List<RefusedMetric> refused) {
}
