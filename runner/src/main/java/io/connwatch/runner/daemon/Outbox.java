package io.connwatch.runner.daemon;

import io.connwatch.api.Metric;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One sink's datums waiting to be sent, oldest first: each closed window's, and those a send could not deliver
 * for a reason that may pass. At most {@code capacity} datums: past that the oldest are dropped and counted.
 *
 * <p>Thread-safe: the sampling thread adds windows while the sending thread takes and restores.
 */
final class Outbox {

    private final int capacity;
    private final ArrayDeque<Metric> pending = new ArrayDeque<>();
    private long dropped;
    private long droppedUnreported;
    private Instant newestDroppedUnreported;
    private long expired;

    /** @param capacity the most datums it holds; 0 keeps only the window being sent */
    Outbox(int capacity) {
        this.capacity = capacity;
    }

    /** What {@link #takeAll} gave. */
    record Taken(List<Metric> metrics, int expired, Instant newestExpired) {
    }

    /** What was dropped for lack of room since the last call, for the send's log line. */
    record Overflow(long count, Instant newest, long total) {
    }

    /** Appends a window's datums, dropping the oldest past the capacity. */
    synchronized void add(List<Metric> metrics) {
        pending.addAll(metrics);
        // The newest window is always kept whole for its first send, even past a capacity smaller than it.
        trim(Math.max(capacity, metrics.size()));
    }

    /**
     * Takes every datum to send now, oldest first, leaving the outbox empty. Datums stamped before
     * {@code oldestAccepted} are dropped instead: the backend would refuse them.
     */
    synchronized Taken takeAll(Instant oldestAccepted) {
        List<Metric> out = new ArrayList<>(pending.size());
        int tooOld = 0;
        Instant newestTooOld = null;
        for (Metric m : pending) {
            if (m.timestamp().isBefore(oldestAccepted)) {
                tooOld++;
                newestTooOld = m.timestamp();
            } else {
                out.add(m);
            }
        }
        pending.clear();
        expired += tooOld;
        return new Taken(out, tooOld, newestTooOld);
    }

    /**
     * Puts back what a send could not deliver, ahead of anything added meanwhile (it is older), dropping the oldest
     * past the capacity.
     *
     * @param undelivered the datums, oldest first
     */
    synchronized void restore(List<Metric> undelivered) {
        for (int i = undelivered.size() - 1; i >= 0; i--) {
            pending.addFirst(undelivered.get(i));
        }
        trim(capacity);
    }

    private void trim(int limit) {
        while (pending.size() > limit) {
            Metric oldest = pending.removeFirst();
            dropped++;
            droppedUnreported++;
            if (newestDroppedUnreported == null || oldest.timestamp().isAfter(newestDroppedUnreported)) {
                newestDroppedUnreported = oldest.timestamp();
            }
        }
    }

    /** The datums dropped for lack of room since the last call. */
    synchronized Overflow takeOverflow() {
        Overflow o = new Overflow(droppedUnreported, newestDroppedUnreported, dropped);
        droppedUnreported = 0;
        newestDroppedUnreported = null;
        return o;
    }

    /** How many datums wait. */
    synchronized int size() {
        return pending.size();
    }

    /** Datums dropped for lack of room since the daemon started. */
    synchronized long dropped() {
        return dropped;
    }

    /** Datums dropped for being too old since the daemon started. */
    synchronized long expired() {
        return expired;
    }
}
