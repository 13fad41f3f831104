package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.Metric;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * The content of one {@code PutMetricData} request: a namespace and at most 1,000 datums, under 1 MB.
 *
 * @param namespace      the request's namespace
 * @param metrics        the metrics it carries, in the order given to the sink
 * @param datums         the same metrics as CloudWatch datums, index for index
 * @param estimatedBytes an upper bound of the request body's size
 */
record PutMetricDataBatch(String namespace, List<Metric> metrics, List<MetricDatum> datums, int estimatedBytes) {
}
