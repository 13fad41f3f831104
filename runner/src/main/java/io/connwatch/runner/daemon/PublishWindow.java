package io.connwatch.runner.daemon;

import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;
import io.connwatch.api.StatisticSet;
import io.connwatch.api.Unit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The samples of one publish window, turned into what is sent at its end.
 *
 * <p>Windows are the wall-clock multiples of {@code publish-interval} ({@code [14:00:00, 14:01:00)} for 60 s). When
 * the daemon samples once per window, each sample goes as it is, with its own timestamp. When it samples more often,
 * each series (namespace, name, unit and dimensions) goes as one statistic set (SampleCount, Sum, Minimum, Maximum)
 * of its samples in the window, stamped with the window's start: CloudWatch files the set under the minute (or
 * second, for high resolution) it starts in, which is the minute all its samples were taken in.
 */
final class PublishWindow {

    private final long publishMillis;
    private final boolean summarise;
    private final List<Metric> plain = new ArrayList<>();
    private final Map<SeriesKey, Accumulator> series = new LinkedHashMap<>();
    private Instant start;
    private int samples;

    /**
     * @param interval        how often the daemon samples
     * @param publishInterval how often it sends; a whole multiple of {@code interval}
     */
    PublishWindow(Duration interval, Duration publishInterval) {
        this.publishMillis = publishInterval.toMillis();
        this.summarise = publishInterval.compareTo(interval) > 0;
    }

    /** The start of the window {@code t} falls in. */
    Instant startOf(Instant t) {
        return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), publishMillis) * publishMillis);
    }

    /** Whether samples were added since the window opened. */
    boolean isOpen() {
        return start != null;
    }

    /** Whether a sample taken at {@code t} belongs to the open window. */
    boolean covers(Instant t) {
        return start != null && startOf(t).equals(start);
    }

    /** Whether the window that {@code t} falls in ends before {@code next}: the sample at {@code t} is its last. */
    boolean endsBefore(Instant t, Instant next) {
        return !startOf(t).equals(startOf(next));
    }

    /** The open window's start. */
    Instant start() {
        return start;
    }

    /** How many samples the open window holds. */
    int samples() {
        return samples;
    }

    /**
     * Adds one sample, opening the window of {@code t} if none is open.
     *
     * @param t       the tick's time; within the open window, if any
     * @param metrics the sample's metrics
     */
    void add(Instant t, List<Metric> metrics) {
        if (start == null) {
            start = startOf(t);
        }
        samples++;
        if (!summarise) {
            plain.addAll(metrics);
            return;
        }
        for (Metric m : metrics) {
            series.computeIfAbsent(new SeriesKey(m.namespace(), m.name(), m.unit(), m.dimensions()),
                    k -> new Accumulator()).add(m);
        }
    }

    /**
     * Closes the window: its metrics to send, in the order their series first appeared, and an empty window.
     *
     * @return the samples as they are, or one statistic set per series
     */
    List<Metric> close() {
        List<Metric> out;
        if (!summarise) {
            out = List.copyOf(plain);
            plain.clear();
        } else {
            out = new ArrayList<>(series.size());
            for (Map.Entry<SeriesKey, Accumulator> e : series.entrySet()) {
                SeriesKey k = e.getKey();
                out.add(Metric.ofStatistics(k.namespace(), k.name(), k.unit(), k.dimensions(), start,
                        e.getValue().toStatistics()));
            }
            series.clear();
        }
        start = null;
        samples = 0;
        return out;
    }

    /** What makes two samples the same series: everything but the value and the time. */
    private record SeriesKey(String namespace, String name, Unit unit, List<Dimension> dimensions) {
    }

    /** Count, sum, minimum and maximum, kept as numbers: no object per sample. */
    private static final class Accumulator {
        private double count;
        private double sum;
        private double min = Double.POSITIVE_INFINITY;
        private double max = Double.NEGATIVE_INFINITY;

        void add(Metric m) {
            StatisticSet s = m.statistics();
            if (s == null) {
                count++;
                sum += m.value();
                min = Math.min(min, m.value());
                max = Math.max(max, m.value());
            } else {
                // A collector that already summarises: its set folds in whole.
                count += s.sampleCount();
                sum += s.sum();
                min = Math.min(min, s.minimum());
                max = Math.max(max, s.maximum());
            }
        }

        StatisticSet toStatistics() {
            return new StatisticSet(count, sum, min, max);
        }
    }
}
