package io.connwatch.runner.daemon;

import io.connwatch.api.Metric;
import io.connwatch.api.Unit;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OutboxTest {

    private static final Instant T0 = Instant.parse("2026-11-24T14:00:00Z");
    private static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    /** A window of {@code n} datums at second {@code s}. */
    private static List<Metric> window(int s, int n) {
        List<Metric> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Metric.of("m" + i, s, Unit.COUNT, T0.plusSeconds(s)));
        }
        return out;
    }

    private static List<Long> seconds(List<Metric> metrics) {
        return metrics.stream().map(m -> m.timestamp().getEpochSecond() - T0.getEpochSecond()).toList();
    }

    @Test
    void pastItsCapacityTheOldestAreDroppedAndCounted() {
        Outbox box = new Outbox(5);
        box.add(window(0, 2));
        box.add(window(1, 2));
        box.add(window(2, 2));
        assertEquals(5, box.size());
        Outbox.Overflow overflow = box.takeOverflow();
        assertEquals(1, overflow.count());
        assertEquals(T0, overflow.newest());
        assertEquals(0, box.takeOverflow().count(), "reported once");
        assertEquals(1, box.dropped());
        assertEquals(List.of(0L, 1L, 1L, 2L, 2L), seconds(box.takeAll(LONG_AGO).metrics()));
        assertEquals(0, box.size());
    }

    @Test
    void whatASendCouldNotDeliverGoesBackAheadOfNewerWindows() {
        Outbox box = new Outbox(100);
        box.add(window(0, 2));
        List<Metric> sending = box.takeAll(LONG_AGO).metrics();
        box.add(window(1, 2)); // closed while the send was under way
        box.restore(sending);
        assertEquals(List.of(0L, 0L, 1L, 1L), seconds(box.takeAll(LONG_AGO).metrics()));
    }

    @Test
    void restoringPastTheCapacityDropsTheOldest() {
        Outbox box = new Outbox(3);
        box.add(window(5, 2));
        box.restore(window(3, 2));
        assertEquals(List.of(3L, 5L, 5L), seconds(box.takeAll(LONG_AGO).metrics()));
        assertEquals(1, box.dropped());
    }

    @Test
    void datumsOlderThanTheBackendAcceptsAreDroppedWhenTaken() {
        Outbox box = new Outbox(100);
        box.add(window(0, 1));
        box.add(window(10, 1));
        box.add(window(20, 1));
        Outbox.Taken taken = box.takeAll(T0.plusSeconds(15));
        assertEquals(List.of(20L), seconds(taken.metrics()));
        assertEquals(2, taken.expired());
        assertEquals(T0.plusSeconds(10), taken.newestExpired());
        assertEquals(2, box.expired());
        assertEquals(0, box.dropped(), "too old is not the same as no room");
    }

    @Test
    void aCapacityOfZeroStillSendsTheNewestWindowOnceAndKeepsNothing() {
        Outbox box = new Outbox(0);
        box.add(window(0, 3));
        List<Metric> sending = box.takeAll(LONG_AGO).metrics();
        assertEquals(3, sending.size());
        box.restore(sending);
        assertEquals(0, box.size());
        assertEquals(3, box.dropped());
        assertNull(box.takeAll(LONG_AGO).newestExpired());
    }
}
