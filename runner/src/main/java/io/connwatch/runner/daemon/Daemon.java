package io.connwatch.runner.daemon;

import io.connwatch.api.Metric;
import io.connwatch.api.Sink;
import io.connwatch.runner.command.ExitCode;
import io.connwatch.runner.pipeline.ActivePlugin;
import io.connwatch.runner.pipeline.CollectionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The daemon: samples on the calling thread at a fixed rate ({@link TickSchedule}), folds each publish window's
 * samples ({@link PublishWindow}) into every sink's {@link Outbox}, and has a {@link SendLoop} thread send them.
 * {@link #stop()} ends sampling; the current window, partial as it is, and everything buffered then go in one last
 * send, bounded by the flush timeout.
 */
public final class Daemon {

    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final AutoCloseable plugins;
    private final DaemonSettings settings;
    private final Sampler sampler;
    private final DaemonClock clock;
    private final List<SinkDelivery> deliveries = new ArrayList<>();
    private final SendLoop sendLoop;
    private final PublishWindow window;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile long samples;
    private volatile long skippedTicks;
    private volatile Instant firstSample;
    private volatile Instant lastSample;
    private long lastSocketsSeen = -1;
    private volatile int exitCode = ExitCode.OK;

    /**
     * @param settings how to run
     * @param sampler  one sampling cycle, such as {@code pipeline::collect}
     * @param sinks    where to send, each with its own outbox
     * @param clock    the clocks, {@link DaemonClock#system()} but in tests
     */
    public Daemon(DaemonSettings settings, Sampler sampler, List<ActivePlugin<Sink>> sinks, DaemonClock clock) {
        this(settings, sampler, sinks, clock, () -> { });
    }

    /**
     * A daemon that closes {@code plugins} once its last send is done, before {@link #run()} reports it finished: a
     * sink's {@code close()} may flush, and after a signal the process ends as soon as the daemon has finished.
     *
     * @param settings the intervals, buffer bound, flush timeout and dry-run switch
     * @param sampler  one sampling cycle, such as {@code pipeline::collect}
     * @param sinks    the sinks to send to
     * @param clock    the clocks
     * @param plugins  what to close at the end, such as the pipeline
     */
    public Daemon(DaemonSettings settings, Sampler sampler, List<ActivePlugin<Sink>> sinks, DaemonClock clock,
                  AutoCloseable plugins) {
        this.plugins = plugins;
        this.settings = settings;
        this.sampler = sampler;
        this.clock = clock;
        for (ActivePlugin<Sink> s : sinks) {
            deliveries.add(new SinkDelivery(s, settings.maxBufferedDatums()));
        }
        this.sendLoop = new SendLoop(deliveries, clock, settings.dryRun(), settings.out());
        this.window = new PublishWindow(settings.interval(), settings.publishInterval());
    }

    /**
     * Runs until {@link #stop()}, then sends what it holds.
     *
     * @return {@link ExitCode#OK}, or {@link ExitCode#FAILED} if sampling broke or the last send did not finish
     *         within the flush timeout
     */
    public int run() {
        Thread sender = new Thread(sendLoop, "connwatch-sender");
        // Never keeps the JVM alive: stopping waits for it explicitly, within the flush timeout.
        sender.setDaemon(true);
        sender.start();
        boolean broken = false;
        try {
            sampleUntilStopped();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("the sampling thread was interrupted; stopping");
        } catch (RuntimeException | Error e) {
            LOG.error("sampling failed; stopping: {}", e.toString(), e);
            broken = true;
        }
        try {
            boolean flushed = flush(sender);
            exitCode = broken || !flushed ? ExitCode.FAILED : ExitCode.OK;
            return exitCode;
        } finally {
            try {
                plugins.close();
            } catch (Exception e) {
                LOG.warn("closing the plugins failed: {}", e.toString(), e);
            }
            finished.countDown();
        }
    }

    /** Asks the daemon to stop; {@link #run()} returns once the last send is done. Returns at once. */
    public void stop() {
        stop.countDown();
    }

    /**
     * Waits for {@link #run()} to finish.
     *
     * @param timeout how long to wait at most
     * @return whether it finished
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean awaitFinished(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** What {@link #run()} returned, once it has. */
    public int exitCode() {
        return exitCode;
    }

    /** Samples taken so far. */
    public long samples() {
        return samples;
    }

    /** Ticks skipped because a cycle overran. */
    public long skippedTicks() {
        return skippedTicks;
    }

    /** Sends completed so far (each one to every sink). */
    public long sends() {
        return sendLoop.sends();
    }

    /** Datums waiting in the outboxes, summed over the sinks. */
    public long buffered() {
        return deliveries.stream().mapToLong(d -> d.outbox().size()).sum();
    }

    /** Datums dropped because an outbox was full, summed over the sinks. */
    public long dropped() {
        return deliveries.stream().mapToLong(d -> d.outbox().dropped()).sum();
    }

    private void sampleUntilStopped() throws InterruptedException {
        TickSchedule schedule = TickSchedule.aligned(settings.interval(), clock.wallTime(), clock.nanoTime());
        LOG.info("daemon started: sampling every {}, sending every {}{} to {} sink(s), at most {} datums buffered "
                        + "per sink; first sample at {}", text(settings.interval()), text(settings.publishInterval()),
                settings.publishInterval().equals(settings.interval()) ? "" : " as statistic sets",
                deliveries.size(), settings.maxBufferedDatums(), schedule.time(0));
        long k = 0;
        while (!clock.sleepUntil(schedule.dueNanos(k), stop)) {
            long began = clock.nanoTime();
            Duration step = schedule.wallClockStep(k, began, clock.wallTime());
            if (!step.isZero()) {
                LOG.warn("the wall clock was stepped by {}; the timestamps follow it from now on", step);
                schedule = schedule.shifted(step);
            }
            Instant t = schedule.time(k);
            if (window.isOpen() && !window.covers(t)) {
                closeWindow();
            }
            CollectionResult result = sampler.sample(t);
            window.add(t, result.metrics());
            lastSocketsSeen = result.socketsSeen();
            samples++;
            if (firstSample == null) {
                firstSample = t;
            }
            lastSample = t;
            long ended = clock.nanoTime();
            LOG.debug("sampled {}: {} metrics, {} collector(s) failed, {} ms", t, result.metrics().size(),
                    result.failedCollectors(), (ended - began) / 1_000_000);
            if (window.endsBefore(t, schedule.time(k + 1))) {
                closeWindow();
            }
            long next = schedule.next(k, ended);
            if (next > k + 1) {
                skippedTicks += next - k - 1;
                LOG.warn("sampling overran: the cycle of {} took {} ms; skipped {} tick(s), {} to {}", t,
                        (ended - began) / 1_000_000, next - k - 1, schedule.time(k + 1), schedule.time(next - 1));
            }
            k = next;
        }
    }

    private void closeWindow() {
        Instant start = window.start();
        int windowSamples = window.samples();
        List<Metric> metrics = window.close();
        if (!metrics.isEmpty()) {
            for (SinkDelivery d : deliveries) {
                d.outbox().add(metrics);
            }
        }
        sendLoop.windowClosed(new SendLoop.ClosedWindow(start, windowSamples, lastSocketsSeen));
    }

    private boolean flush(Thread sender) {
        long started = System.nanoTime();
        if (window.isOpen()) {
            closeWindow();
        }
        sendLoop.finish();
        // An interrupt that stopped sampling must not also cut the last send short.
        boolean interrupted = Thread.interrupted();
        try {
            sender.join(settings.flushTimeout().toMillis());
        } catch (InterruptedException e) {
            interrupted = true;
            LOG.warn("interrupted while waiting for the last send");
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        long ms = (System.nanoTime() - started) / 1_000_000;
        if (sender.isAlive()) {
            LOG.error("the last send did not finish within {}; {} datums held were not delivered",
                    text(settings.flushTimeout()), buffered());
            return false;
        }
        long delivered = deliveries.stream().mapToLong(SinkDelivery::delivered).sum();
        long rejected = deliveries.stream().mapToLong(SinkDelivery::rejected).sum();
        long expired = deliveries.stream().mapToLong(d -> d.outbox().expired()).sum();
        long undelivered = buffered();
        String summary = "stopped: " + samples + " samples" + (firstSample == null ? ""
                : " from " + firstSample + " to " + lastSample) + ", " + skippedTicks + " ticks skipped; "
                + delivered + " datums delivered, " + rejected + " refused, " + dropped() + " dropped (buffer full), "
                + expired + " too old, " + undelivered + " undelivered; the last send took " + ms + " ms";
        if (undelivered > 0) {
            LOG.error("{}", summary);
        } else {
            LOG.info("{}", summary);
        }
        return true;
    }

    private static String text(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }
}
