package io.connwatch.runner.daemon;

import java.time.Duration;
import java.time.Instant;

/**
 * When the daemon samples: tick {@code k} is due at {@code first + k × interval} on the monotonic clock, so the rate
 * never drifts however long each cycle takes, and is stamped {@code firstWall + k × interval}, so the timestamps are
 * evenly spaced. The first tick is the next wall-clock multiple of the interval ({@code :00, :10, :20} for 10 s),
 * which makes the timestamps whole seconds for whole-second intervals and lines the publish windows up with
 * CloudWatch's minutes.
 *
 * <p>Immutable; a wall-clock step (NTP at boot, an operator's {@code date -s}) gives a {@linkplain #shifted shifted}
 * copy.
 */
final class TickSchedule {

    /** A wall clock this far from where the monotonic clock says it should be has been stepped, not slewed. */
    static final Duration STEP_THRESHOLD = Duration.ofSeconds(1);
    /** How late a tick may start and still run; later, it is skipped. Waking up is never exactly on time. */
    private static final Duration MAX_SLACK = Duration.ofSeconds(1);

    private final Duration interval;
    private final long intervalNanos;
    private final long slackNanos;
    private final long firstNanos;
    private final Instant firstWall;

    private TickSchedule(Duration interval, long firstNanos, Instant firstWall) {
        this.interval = interval;
        this.intervalNanos = interval.toNanos();
        Duration half = interval.dividedBy(2);
        this.slackNanos = (half.compareTo(MAX_SLACK) < 0 ? half : MAX_SLACK).toNanos();
        this.firstNanos = firstNanos;
        this.firstWall = firstWall;
    }

    /**
     * The schedule whose first tick is the next wall-clock multiple of {@code interval} (counted from the epoch).
     *
     * @param interval how often to tick; whole milliseconds, at least 1 ms
     * @param wallNow  the wall clock now
     * @param nanoNow  the monotonic clock now
     * @return the schedule
     */
    static TickSchedule aligned(Duration interval, Instant wallNow, long nanoNow) {
        long intervalMillis = interval.toMillis();
        if (intervalMillis < 1 || !interval.equals(Duration.ofMillis(intervalMillis))) {
            throw new IllegalArgumentException("interval " + interval + " is not a whole number of milliseconds");
        }
        long nowMillis = wallNow.toEpochMilli();
        long firstMillis = Math.floorDiv(nowMillis + intervalMillis - 1, intervalMillis) * intervalMillis;
        Instant first = Instant.ofEpochMilli(firstMillis);
        long delay = Math.max(0, Duration.between(wallNow, first).toNanos());
        return new TickSchedule(interval, nanoNow + delay, first);
    }

    /** The monotonic time tick {@code k} is due. */
    long dueNanos(long k) {
        return firstNanos + k * intervalNanos;
    }

    /** Tick {@code k}'s timestamp. */
    Instant time(long k) {
        return firstWall.plus(interval.multipliedBy(k));
    }

    /**
     * The tick to run once tick {@code k}'s cycle has finished at {@code nanoNow}: {@code k + 1}, or, if the cycle
     * overran it (by more than half an interval, at most a second), the first tick still to come. Never one that
     * would overlap.
     */
    long next(long k, long nanoNow) {
        long next = k + 1;
        if (dueNanos(next) + slackNanos >= nanoNow) {
            return next;
        }
        long behind = nanoNow - slackNanos - firstNanos;
        return Math.max(next, Math.floorDiv(behind + intervalNanos - 1, intervalNanos));
    }

    /**
     * How far the wall clock has been stepped, as seen at tick {@code k}: the difference between {@code wallNow} and
     * tick {@code k}'s time plus how late it runs, rounded to whole seconds (or milliseconds for an interval that is
     * not whole seconds); zero when it is within {@link #STEP_THRESHOLD}.
     */
    Duration wallClockStep(long k, long nanoNow, Instant wallNow) {
        Instant expected = time(k).plusNanos(nanoNow - dueNanos(k));
        Duration off = Duration.between(expected, wallNow);
        if (off.abs().compareTo(STEP_THRESHOLD) < 0) {
            return Duration.ZERO;
        }
        long unitMillis = interval.toMillis() % 1000 == 0 ? 1000 : 1;
        long millis = Math.round((double) off.toMillis() / unitMillis) * unitMillis;
        return Duration.ofMillis(millis);
    }

    /** This schedule with every timestamp moved by {@code step}; the monotonic ticks stay where they are. */
    TickSchedule shifted(Duration step) {
        return new TickSchedule(interval, firstNanos, firstWall.plus(step));
    }
}
