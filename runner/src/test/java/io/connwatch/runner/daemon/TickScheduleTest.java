package io.connwatch.runner.daemon;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TickScheduleTest {

    private static final long S = 1_000_000_000L;

    @Test
    void theFirstTickIsTheNextWallClockMultipleOfTheInterval() {
        TickSchedule s = TickSchedule.aligned(Duration.ofSeconds(10), Instant.parse("2026-11-24T14:00:07.300Z"), 1000);
        assertEquals(Instant.parse("2026-11-24T14:00:10Z"), s.time(0));
        assertEquals(1000 + 2_700_000_000L, s.dueNanos(0));
        assertEquals(Instant.parse("2026-11-24T14:01:00Z"), s.time(5));
        assertEquals(1000 + 2_700_000_000L + 50 * S, s.dueNanos(5));

        TickSchedule onTheDot = TickSchedule.aligned(Duration.ofSeconds(1), Instant.parse("2026-11-24T14:00:07Z"), 0);
        assertEquals(Instant.parse("2026-11-24T14:00:07Z"), onTheDot.time(0));
        assertEquals(0, onTheDot.dueNanos(0));

        TickSchedule odd = TickSchedule.aligned(Duration.ofMillis(1500), Instant.parse("2026-11-24T14:00:00.200Z"), 0);
        assertEquals(Instant.parse("2026-11-24T14:00:01.500Z"), odd.time(0));
        assertEquals(Instant.parse("2026-11-24T14:00:03Z"), odd.time(1));
    }

    @Test
    void ticksNeverDriftHoweverLongTheCyclesTake() {
        TickSchedule s = TickSchedule.aligned(Duration.ofSeconds(1), Instant.parse("2026-11-24T14:00:00Z"), 0);
        long k = 0;
        for (int i = 0; i < 1000; i++) {
            // Each cycle ends 300 ms after its tick: the next tick is still on the grid, not 1.3 s later.
            k = s.next(k, s.dueNanos(k) + 300_000_000L);
        }
        assertEquals(1000, k);
        assertEquals(1000 * S, s.dueNanos(k));
        assertEquals(Instant.parse("2026-11-24T14:16:40Z"), s.time(k));
    }

    @Test
    void anOverrunSkipsTheMissedTicksButALateWakeUpDoesNot() {
        TickSchedule s = TickSchedule.aligned(Duration.ofSeconds(1), Instant.parse("2026-11-24T14:00:00Z"), 0);
        assertEquals(3, s.next(2, s.dueNanos(3) + 400_000_000L), "less than half an interval late: still runs");
        assertEquals(5, s.next(2, s.dueNanos(2) + 2_700_000_000L), "ticks 3 and 4 are past: skipped");
        assertEquals(4, s.next(2, s.dueNanos(2) + 2_100_000_000L), "tick 3 is past, tick 4 only 100 ms late");
        TickSchedule minute = TickSchedule.aligned(Duration.ofSeconds(60), Instant.parse("2026-11-24T14:00:00Z"), 0);
        assertEquals(1, minute.next(0, 61 * S), "1 s late on a minute runs: the slack is at most 1 s");
        assertEquals(2, minute.next(0, 61 * S + 1), "past the slack: skipped");
        assertEquals(2, minute.next(0, 62 * S), "2 s late on a minute: skipped");
    }

    @Test
    void aSteppedWallClockShiftsTheTimestampsByWholeSeconds() {
        TickSchedule s = TickSchedule.aligned(Duration.ofSeconds(10), Instant.parse("2026-11-24T14:00:00Z"), 0);
        // On time, or late by the wake-up: no step.
        assertEquals(Duration.ZERO, s.wallClockStep(3, 30 * S, Instant.parse("2026-11-24T14:00:30.400Z")));
        assertEquals(Duration.ZERO, s.wallClockStep(3, 30 * S + 700_000_000L,
                Instant.parse("2026-11-24T14:00:30.700Z")), "the wall clock agrees with the late wake-up");
        Duration step = s.wallClockStep(3, 30 * S, Instant.parse("2026-11-24T14:00:35.300Z"));
        assertEquals(Duration.ofSeconds(5), step);
        TickSchedule shifted = s.shifted(step);
        assertEquals(Instant.parse("2026-11-24T14:00:35Z"), shifted.time(3));
        assertEquals(s.dueNanos(3), shifted.dueNanos(3), "the monotonic ticks stay");
        assertEquals(Duration.ZERO, shifted.wallClockStep(3, 30 * S, Instant.parse("2026-11-24T14:00:35.300Z")));
        assertEquals(Duration.ofHours(-1), s.wallClockStep(3, 30 * S, Instant.parse("2026-11-24T13:00:30Z")));
    }
}
