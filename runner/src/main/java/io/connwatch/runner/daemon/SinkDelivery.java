package io.connwatch.runner.daemon;

import io.connwatch.api.DeliveryException;
import io.connwatch.api.Metric;
import io.connwatch.api.Sink;
import io.connwatch.runner.pipeline.ActivePlugin;
import io.connwatch.runner.pipeline.SinkCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One sink and its {@link Outbox}: each send hands the sink everything waiting, oldest first, and keeps for the next
 * send what failed for a reason that may pass (an outage, throttling). What the backend refused for good (access
 * denied, an invalid value) is logged with the backend's message and not retried.
 */
final class SinkDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SinkDelivery.class);

    /**
     * CloudWatch accepts datums up to two weeks old; older ones are dropped before sending. A little less, so that
     * a datum does not cross the line on its way.
     */
    static final Duration MAX_AGE = Duration.ofDays(14).minusMinutes(10);

    private final ActivePlugin<Sink> sink;
    private final Outbox outbox;
    private long delivered;
    private long rejected;

    SinkDelivery(ActivePlugin<Sink> sink, int capacity) {
        this.sink = sink;
        this.outbox = new Outbox(capacity);
    }

    /**
     * What one send did for this sink.
     *
     * @param attempted datums handed to the sink
     * @param delivered datums it delivered
     * @param kept      datums kept for the next send
     * @param rejected  datums refused for good
     */
    record Result(int attempted, int delivered, int kept, int rejected) {
        static final Result NOTHING = new Result(0, 0, 0, 0);
    }

    Outbox outbox() {
        return outbox;
    }

    String describe() {
        return sink.type() + " (" + sink.path() + ")";
    }

    /** Datums delivered since the daemon started. */
    long delivered() {
        return delivered;
    }

    /** Datums refused for good since the daemon started. */
    long rejected() {
        return rejected;
    }

    /**
     * Sends what waits. Called by one thread at a time.
     *
     * @param now    the wall clock, for the age limit
     * @param dryRun show instead of send
     * @param out    where a dry run shows
     * @return what happened
     */
    Result send(Instant now, boolean dryRun, PrintStream out) {
        Outbox.Taken taken = outbox.takeAll(now.minus(MAX_AGE));
        if (taken.expired() > 0) {
            LOG.warn("{}: dropped {} datums older than CloudWatch accepts (two weeks), the newest from {}",
                    describe(), taken.expired(), taken.newestExpired());
        }
        List<Metric> batch = taken.metrics();
        if (batch.isEmpty()) {
            return Result.NOTHING;
        }
        Result result = sendBatch(batch, dryRun, out);
        // Once per send, after the failed part went back: drops by new windows since the last send and by this one.
        Outbox.Overflow overflow = outbox.takeOverflow();
        if (overflow.count() > 0) {
            LOG.warn("{}: the buffer is full (max-buffered-datums): dropped the {} oldest datums, the newest of them "
                    + "from {}; {} dropped since start", describe(), overflow.count(), overflow.newest(),
                    overflow.total());
        }
        return result;
    }

    private Result sendBatch(List<Metric> batch, boolean dryRun, PrintStream out) {
        try {
            if (dryRun) {
                SinkCall.preview(sink, batch, out);
            } else {
                SinkCall.publish(sink, batch);
            }
            delivered += batch.size();
            return new Result(batch.size(), batch.size(), 0, 0);
        } catch (DeliveryException e) {
            return failed(batch, e);
        }
    }

    private Result failed(List<Metric> batch, DeliveryException e) {
        // By value, not identity: a plugin sink may list copies of the metrics it was given.
        Set<Metric> retry = new HashSet<>();
        Set<Metric> refused = new HashSet<>();
        List<String> transientWhy = new ArrayList<>();
        List<String> permanentWhy = new ArrayList<>();
        for (DeliveryException part : parts(e)) {
            if (part.retryable()) {
                retry.addAll(part.undelivered());
                transientWhy.add(part.getMessage());
            } else {
                refused.addAll(part.undelivered());
                permanentWhy.add(part.getMessage());
            }
        }
        // Counted against the batch, so that a sink listing a metric twice, or one it was not given, cannot skew
        // the counts.
        List<Metric> kept = new ArrayList<>(retry.size());
        int permanent = 0;
        for (Metric m : batch) {
            if (retry.contains(m)) {
                kept.add(m);
            } else if (refused.contains(m)) {
                permanent++;
            }
        }
        outbox.restore(kept);
        int undelivered = kept.size() + permanent;
        delivered += batch.size() - undelivered;
        rejected += permanent;
        if (!kept.isEmpty()) {
            LOG.warn("{}: {} of {} datums not delivered, kept for the next send ({} buffered): {}", describe(),
                    kept.size(), batch.size(), outbox.size(), String.join("; ", transientWhy));
        }
        if (permanent > 0) {
            LOG.error("{}: {} of {} datums refused, not retried: {}", describe(), permanent, batch.size(),
                    String.join("; ", permanentWhy));
        }
        return new Result(batch.size(), batch.size() - undelivered, kept.size(), permanent);
    }

    /**
     * The failure's parts with their own retryability: the sink's per-request exceptions when it attached them to a
     * mixed failure, else the failure itself.
     */
    private static List<DeliveryException> parts(DeliveryException e) {
        if (e.retryable()) {
            return List.of(e);
        }
        List<DeliveryException> parts = new ArrayList<>();
        int covered = 0;
        for (Throwable s : e.getSuppressed()) {
            if (s instanceof DeliveryException d) {
                parts.add(d);
                covered += d.undelivered().size();
            }
        }
        // Only trust the parts when they account for every undelivered datum; otherwise none is retried.
        return !parts.isEmpty() && covered == e.undelivered().size() ? parts : List.of(e);
    }
}
