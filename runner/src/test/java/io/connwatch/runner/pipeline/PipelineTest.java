package io.connwatch.runner.pipeline;

import io.connwatch.api.Collector;
import io.connwatch.api.DeliveryException;
import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;
import io.connwatch.api.Sink;
import io.connwatch.api.Unit;
import io.connwatch.runner.plugins.PluginKind;
import io.connwatch.runner.plugins.PluginOrigin;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class PipelineTest {

    private static final Instant T = Instant.parse("2026-11-24T14:00:00Z");
    private static final PluginOrigin ORIGIN = new PluginOrigin(false, null, null);

    private static ActivePlugin<Collector> collector(String type, Collector c) {
        return new ActivePlugin<>(PluginKind.COLLECTOR, type, "collectors[0]", ORIGIN, c);
    }

    private static ActivePlugin<Sink> sink(String type, Sink s) {
        return new ActivePlugin<>(PluginKind.SINK, type, "sinks[0]", ORIGIN, s);
    }

    @Test
    void aThrowingCollectorCostsOnlyItsOwnMetricsAndDimensionsAreAppended() {
        Collector good = ts -> List.of(Metric.of("good", 1, Unit.COUNT, ts));
        Collector bad = ts -> {
            throw new IllegalStateException("boom");
        };
        Pipeline p = new Pipeline(List.of(collector("bad", bad), collector("good", good)), List.of(),
                List.of(new Dimension("Host", "h1")));
        CollectionResult r = p.collect(T);
        assertEquals(1, r.failedCollectors());
        assertEquals(List.of(new Metric(null, "good", 1, Unit.COUNT, List.of(new Dimension("Host", "h1")), T)),
                r.metrics());
    }

    @Test
    void aFailingSinkDoesNotStopTheOthers() {
        List<Metric> received = new ArrayList<>();
        Sink throwing = metrics -> {
            throw new IllegalStateException("sink bug");
        };
        Sink refusing = metrics -> {
            throw new DeliveryException("Throttling: Rate exceeded", metrics.subList(0, 1), true, null);
        };
        Sink good = received::addAll;
        Pipeline p = new Pipeline(List.of(), List.of(sink("throwing", throwing), sink("refusing", refusing),
                sink("good", good)), List.of());
        List<Metric> metrics = List.of(Metric.of("a", 1, Unit.COUNT, T), Metric.of("b", 2, Unit.COUNT, T));
        DeliveryReport report = p.publish(metrics);
        assertEquals(metrics, received);
        assertFalse(report.complete());
        assertNotNull(report.outcomes().get(0).failure());
        assertEquals(1, report.outcomes().get(1).delivered());
        assertNull(report.outcomes().get(2).failure());
        assertEquals(0 + 1 + 2, report.delivered());
    }

    @Test
    void aPluginRunsWithItsOwnClassLoaderAsTheContextClassLoader() {
        ClassLoader elsewhere = new ClassLoader(null) {
        };
        List<ClassLoader> seen = new ArrayList<>();
        Collector recording = ts -> {
            seen.add(Thread.currentThread().getContextClassLoader());
            return List.of();
        };
        Pipeline p = new Pipeline(List.of(collector("recording", recording)), List.of(), List.of());
        Thread.currentThread().setContextClassLoader(elsewhere);
        try {
            p.collect(T);
            assertEquals(List.of(recording.getClass().getClassLoader()), seen);
            assertEquals(elsewhere, Thread.currentThread().getContextClassLoader(), "put back after the plugin ran");
        } finally {
            Thread.currentThread().setContextClassLoader(PipelineTest.class.getClassLoader());
        }
    }
}
