package io.connwatch.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One measured value, as a collector produces it and a sink delivers it.
 *
 * <p>Instances are immutable and validated when built: the name is not blank, the value is finite (CloudWatch
 * and JSON both refuse NaN and the infinities, so they are refused here, naming the metric), and dimension
 * names are unique.
 *
 * @param namespace  where the metric belongs, such as {@code EC2:WEB-Services}; {@code null} lets the sink's
 *                   default namespace apply
 * @param name       the metric's name, such as {@code web-cons-established}
 * @param value      the value; finite
 * @param unit       the value's unit
 * @param dimensions the dimensions in the order they were given; empty if none
 * @param timestamp  when the value was sampled (for a statistic set: the start of its window)
 * @param statistics the samples this metric summarises, or {@code null} for a single sample; when present,
 *                   {@code value} is their mean, for sinks that take one number
 */
public record Metric(String namespace, String name, double value, Unit unit, List<Dimension> dimensions,
                     Instant timestamp, StatisticSet statistics) {

    /** Validates the parts and copies the dimensions. */
    public Metric {
        Objects.requireNonNull(name, "metric name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("metric name is blank");
        }
        if (namespace != null && namespace.isBlank()) {
            throw new IllegalArgumentException("metric " + name + ": namespace is blank (use null for the sink's default)");
        }
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("metric " + name + ": value " + value + " is not a finite number");
        }
        Objects.requireNonNull(unit, () -> "metric " + name + ": unit");
        Objects.requireNonNull(timestamp, () -> "metric " + name + ": timestamp");
        dimensions = List.copyOf(dimensions);
        if (dimensions.size() > 1) {
            Set<String> seen = new HashSet<>();
            for (Dimension d : dimensions) {
                if (!seen.add(d.name())) {
                    throw new IllegalArgumentException("metric " + name + ": dimension " + d.name() + " given twice");
                }
            }
        }
    }

    /**
     * A single sample: a metric without a statistic set.
     *
     * @param namespace  the namespace, or {@code null} for the sink's default
     * @param name       the metric's name
     * @param value      the value; finite
     * @param unit       the unit
     * @param dimensions the dimensions, in order
     * @param timestamp  when it was sampled
     */
    public Metric(String namespace, String name, double value, Unit unit, List<Dimension> dimensions,
                  Instant timestamp) {
        this(namespace, name, value, unit, dimensions, timestamp, null);
    }

    /**
     * A summary of several samples: its value is their mean.
     *
     * @param namespace  the namespace, or {@code null} for the sink's default
     * @param name       the metric's name
     * @param unit       the unit
     * @param dimensions the dimensions, in order
     * @param timestamp  the start of the window the samples were taken in
     * @param statistics the samples' count, sum, minimum and maximum
     * @return the metric
     */
    public static Metric ofStatistics(String namespace, String name, Unit unit, List<Dimension> dimensions,
                                      Instant timestamp, StatisticSet statistics) {
        return new Metric(namespace, name, statistics.mean(), unit, dimensions, timestamp, statistics);
    }

    /**
     * A metric with no namespace (the sink's default applies) and no dimensions.
     *
     * @param name      the metric's name
     * @param value     the value
     * @param unit      the unit
     * @param timestamp when it was sampled
     * @return the metric
     */
    public static Metric of(String name, double value, Unit unit, Instant timestamp) {
        return new Metric(null, name, value, unit, List.of(), timestamp);
    }

    /**
     * This metric in another namespace.
     *
     * @param newNamespace the namespace, or {@code null} for the sink's default
     * @return a copy with that namespace
     */
    public Metric withNamespace(String newNamespace) {
        return new Metric(newNamespace, name, value, unit, dimensions, timestamp, statistics);
    }

    /**
     * This metric with {@code extra} dimensions appended after its own.
     *
     * @param extra dimensions to add; their names must not repeat the metric's own
     * @return a copy with the added dimensions, or this metric if {@code extra} is empty
     */
    public Metric withDimensionsAppended(List<Dimension> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        List<Dimension> all = new ArrayList<>(dimensions.size() + extra.size());
        all.addAll(dimensions);
        all.addAll(extra);
        return new Metric(namespace, name, value, unit, all, timestamp, statistics);
    }
}
