package io.connwatch.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelTest {

    private static final Instant T = Instant.parse("2026-11-24T14:00:00Z");

    @Test
    void nonFiniteValuesAreRefusedNamingTheMetric() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Metric.of("web-cons-established", Double.NaN, Unit.COUNT, T));
        assertEquals("metric web-cons-established: value NaN is not a finite number", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Metric.of("m", Double.POSITIVE_INFINITY, Unit.COUNT, T));
    }

    @Test
    void dimensionsKeepTheirOrderAndMayNotRepeat() {
        Metric m = Metric.of("m", 1, Unit.COUNT, T)
                .withDimensionsAppended(List.of(new Dimension("B", "2"), new Dimension("A", "1")));
        assertEquals(List.of("B", "A"), m.dimensions().stream().map(Dimension::name).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> m.withDimensionsAppended(List.of(new Dimension("A", "again"))));
        assertEquals("metric m: dimension A given twice", e.getMessage());
    }

    @Test
    void statisticSetsSummariseSamples() {
        StatisticSet s = StatisticSet.of(4).plus(1).plus(7);
        assertEquals(new StatisticSet(3, 12, 1, 7), s);
        Metric m = Metric.ofStatistics("ns", "m", Unit.COUNT, List.of(), T, s);
        assertEquals(4.0, m.value());
        assertEquals(s, m.withNamespace(null).statistics());
        assertNull(Metric.of("m", 1, Unit.COUNT, T).statistics());
    }

    @Test
    void statesParseAsPeopleWriteThem() {
        for (String text : List.of("timewait", "time-wait", "TIME_WAIT", "time_wait", "Time-Wait")) {
            assertEquals(Optional.of(TcpState.TIME_WAIT), TcpState.parse(text), text);
        }
        assertEquals(Optional.of(TcpState.LISTEN), TcpState.parse("listening"));
        assertEquals(Optional.of(TcpState.CLOSE), TcpState.parse("closed"));
        assertEquals(Optional.of(TcpState.FIN_WAIT1), TcpState.parse("fin-wait-1"));
        assertEquals(Optional.empty(), TcpState.parse("timewiat"));
        for (TcpState s : TcpState.values()) {
            assertEquals(s, TcpState.ofKernelCode(s.kernelCode()));
            assertEquals(Optional.of(s), TcpState.parse(s.token()));
        }
        assertNull(TcpState.ofKernelCode(12));
    }

    @Test
    void serviceNamesItsMetricsFromTheTemplate() {
        Service web = new Service("web", List.of(443, 80), List.of(), Set.of(TcpState.TIME_WAIT, TcpState.ESTABLISHED),
                "EC2:WEB-Services", "http-cons-{state}");
        assertEquals("http-cons-timewait", web.metricName(TcpState.TIME_WAIT));
        assertEquals(List.of(TcpState.ESTABLISHED, TcpState.TIME_WAIT), List.copyOf(web.states()), "kernel order");
        assertEquals("web-listen-queue", web.listenQueueMetricName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Service("x", List.of(),
                List.of(), EnumSet.allOf(TcpState.class), null, Service.DEFAULT_METRIC_NAME));
        assertTrue(e.getMessage().contains("neither ports nor remote-ports"), e.getMessage());
    }

    @Test
    void unitsCarryCloudWatchNames() {
        assertEquals("Count", Unit.COUNT.cloudWatchName());
        assertEquals(Optional.of(Unit.BYTES_PER_SECOND), Unit.ofCloudWatchName("bytes/second"));
    }
}
