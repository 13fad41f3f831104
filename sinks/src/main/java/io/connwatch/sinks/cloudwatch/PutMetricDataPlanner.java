package io.connwatch.sinks.cloudwatch;

import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;
import io.connwatch.api.StatisticSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;

/**
 * Splits metrics into {@code PutMetricData} requests by CloudWatch's limits: one namespace per request (a
 * metric's own, else the sink's default), at most 1,000 datums and under 1 MB each. Each datum keeps its
 * timestamp, unit, dimensions and the sink's storage resolution; a metric that summarises several samples goes as
 * {@code StatisticValues} (SampleCount, Sum, Minimum, Maximum) instead of a {@code Value}.
 */
final class PutMetricDataPlanner {

    private final String defaultNamespace;
    private final int storageResolution;
    private final Clock clock;

    PutMetricDataPlanner(String defaultNamespace, int storageResolution, Clock clock) {
        this.defaultNamespace = defaultNamespace;
        this.storageResolution = storageResolution;
        this.clock = clock;
    }

    PutMetricDataPlan plan(List<Metric> metrics) {
        Instant now = clock.instant();
        List<RefusedMetric> refused = new ArrayList<>();
        // Insertion order keeps the requests in the order their namespaces first appear: stable output for preview.
        Map<String, List<Metric>> byNamespace = new LinkedHashMap<>();
        Map<String, Optional<String>> namespaceProblems = new HashMap<>();
        for (Metric metric : metrics) {
            String namespace = metric.namespace() != null ? metric.namespace() : defaultNamespace;
            Optional<String> namespaceProblem = namespaceProblems.computeIfAbsent(namespace,
                    ns -> Optional.ofNullable(CloudWatchLimits.namespaceProblem(ns)));
            if (namespaceProblem.isPresent()) {
                refused.add(new RefusedMetric(metric, "metric " + metric.name() + ": " + namespaceProblem.get()));
                continue;
            }
            String problem = CloudWatchLimits.metricProblem(metric, now);
            if (problem != null) {
                refused.add(new RefusedMetric(metric, problem));
                continue;
            }
            byNamespace.computeIfAbsent(namespace, ns -> new ArrayList<>()).add(metric);
        }
        List<PutMetricDataBatch> batches = new ArrayList<>();
        for (Map.Entry<String, List<Metric>> entry : byNamespace.entrySet()) {
            split(entry.getKey(), entry.getValue(), batches);
        }
        return new PutMetricDataPlan(List.copyOf(batches), List.copyOf(refused));
    }

    private void split(String namespace, List<Metric> metrics, List<PutMetricDataBatch> out) {
        int overhead = RequestSizeEstimator.requestOverhead(namespace);
        List<Metric> batchMetrics = new ArrayList<>();
        List<MetricDatum> batchDatums = new ArrayList<>();
        int bytes = overhead;
        for (Metric metric : metrics) {
            int datumBytes = RequestSizeEstimator.datumBytes(metric);
            boolean full = batchMetrics.size() == CloudWatchLimits.MAX_DATUMS_PER_REQUEST
                    || bytes + datumBytes >= CloudWatchLimits.MAX_REQUEST_BYTES;
            if (full && !batchMetrics.isEmpty()) {
                out.add(new PutMetricDataBatch(namespace, List.copyOf(batchMetrics), List.copyOf(batchDatums), bytes));
                batchMetrics.clear();
                batchDatums.clear();
                bytes = overhead;
            }
            batchMetrics.add(metric);
            batchDatums.add(toDatum(metric));
            bytes += datumBytes;
        }
        if (!batchMetrics.isEmpty()) {
            out.add(new PutMetricDataBatch(namespace, List.copyOf(batchMetrics), List.copyOf(batchDatums), bytes));
        }
    }

    private MetricDatum toDatum(Metric metric) {
        MetricDatum.Builder datum = MetricDatum.builder()
                .metricName(metric.name())
                .unit(StandardUnit.fromValue(metric.unit().cloudWatchName()))
                .timestamp(metric.timestamp())
                .storageResolution(storageResolution);
        StatisticSet statistics = metric.statistics();
        if (statistics == null) {
            datum.value(metric.value());
        } else {
            // CloudWatch takes a datum's Value or its StatisticValues, never both.
            datum.statisticValues(software.amazon.awssdk.services.cloudwatch.model.StatisticSet.builder()
                    .sampleCount(statistics.sampleCount())
                    .sum(statistics.sum())
                    .minimum(statistics.minimum())
                    .maximum(statistics.maximum())
                    .build());
        }
        // An explicitly empty list would go on the wire as an empty "Dimensions=" field; absent, it sends nothing.
        if (!metric.dimensions().isEmpty()) {
            List<software.amazon.awssdk.services.cloudwatch.model.Dimension> dimensions =
                    new ArrayList<>(metric.dimensions().size());
            for (Dimension d : metric.dimensions()) {
                dimensions.add(software.amazon.awssdk.services.cloudwatch.model.Dimension.builder()
                        .name(d.name()).value(d.value()).build());
            }
            datum.dimensions(dimensions);
        }
        return datum.build();
    }
}
