package io.connwatch.runner.daemon;

import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;
import io.connwatch.api.StatisticSet;
import io.connwatch.api.Unit;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PublishWindowTest {

    private static final Instant T0 = Instant.parse("2026-11-24T14:00:00Z");
    private static final List<Dimension> A = List.of(new Dimension("InstanceId", "i-a"));
    private static final List<Dimension> B = List.of(new Dimension("InstanceId", "i-b"));

    private static Metric m(String name, double value, List<Dimension> dims, Instant t) {
        return new Metric("EC2:WEB-Services", name, value, Unit.COUNT, dims, t);
    }

    @Test
    void windowsAreTheWallClockMultiplesOfThePublishInterval() {
        PublishWindow w = new PublishWindow(Duration.ofSeconds(10), Duration.ofSeconds(60));
        assertEquals(T0, w.startOf(T0.plusSeconds(50)));
        assertEquals(T0.plusSeconds(60), w.startOf(T0.plusSeconds(60)));
        assertTrue(w.endsBefore(T0.plusSeconds(50), T0.plusSeconds(60)), ":50 is the last sample of its minute");
        assertFalse(w.endsBefore(T0.plusSeconds(40), T0.plusSeconds(50)));
        assertFalse(w.covers(T0));
        w.add(T0.plusSeconds(20), List.of());
        assertTrue(w.covers(T0.plusSeconds(50)));
        assertFalse(w.covers(T0.plusSeconds(60)));
    }

    @Test
    void samplingAsOftenAsSendingSendsEachSampleAsItIs() {
        PublishWindow w = new PublishWindow(Duration.ofSeconds(60), Duration.ofSeconds(60));
        List<Metric> sample = List.of(m("web-cons-established", 18, A, T0), m("web-cons-timewait", 2, A, T0));
        w.add(T0, sample);
        assertEquals(sample, w.close());
        assertFalse(w.isOpen());
        assertEquals(List.of(), w.close());
    }

    @Test
    void eachSeriesOfAWindowBecomesOneStatisticSetStampedWithTheWindowsStart() {
        PublishWindow w = new PublishWindow(Duration.ofSeconds(10), Duration.ofSeconds(60));
        double[] values = {5, 9, 7, 12, 0, 3};
        for (int i = 0; i < values.length; i++) {
            Instant t = T0.plusSeconds(10L * i);
            w.add(t, List.of(m("web-cons-established", values[i], A, t), m("web-cons-established", 100 + i, B, t),
                    m("web-cons-timewait", 1, A, t)));
        }
        assertEquals(6, w.samples());
        assertEquals(T0, w.start());

        List<Metric> sent = w.close();

        assertEquals(3, sent.size(), "the same name with other dimensions is another series");
        Metric a = sent.get(0);
        assertEquals("web-cons-established", a.name());
        assertEquals(A, a.dimensions());
        assertEquals(T0, a.timestamp());
        assertEquals(new StatisticSet(6, 36, 0, 12), a.statistics());
        assertEquals(6.0, a.value(), "the mean, for sinks that take one number");
        assertEquals(new StatisticSet(6, 615, 100, 105), sent.get(1).statistics());
        assertEquals(B, sent.get(1).dimensions());
        assertEquals(new StatisticSet(6, 6, 1, 1), sent.get(2).statistics());
        assertEquals("EC2:WEB-Services", sent.get(2).namespace());
        assertFalse(w.isOpen());
    }

    @Test
    void aPartialWindowIsStampedWithItsStartToo() {
        PublishWindow w = new PublishWindow(Duration.ofSeconds(10), Duration.ofSeconds(60));
        Instant t = T0.plusSeconds(40);
        w.add(t, List.of(m("x", 4, A, t)));
        Metric sent = w.close().get(0);
        assertEquals(T0, sent.timestamp());
        assertEquals(new StatisticSet(1, 4, 4, 4), sent.statistics());
    }

    @Test
    void aCollectorsOwnStatisticSetFoldsInWhole() {
        PublishWindow w = new PublishWindow(Duration.ofSeconds(10), Duration.ofSeconds(30));
        w.add(T0, List.of(Metric.ofStatistics(null, "x", Unit.COUNT, A, T0, new StatisticSet(4, 10, 1, 4))));
        w.add(T0.plusSeconds(10), List.of(m("x", 7, A, T0.plusSeconds(10))).stream()
                .map(x -> x.withNamespace(null)).toList());
        Metric sent = w.close().get(0);
        assertEquals(new StatisticSet(5, 17, 1, 7), sent.statistics());
        assertNull(sent.namespace());
    }
}
