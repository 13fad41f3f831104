package io.connwatch.runner.daemon;

import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;
import io.connwatch.api.Sink;
import io.connwatch.api.Unit;
import io.connwatch.runner.pipeline.ActivePlugin;
import io.connwatch.runner.pipeline.CollectionResult;
import io.connwatch.runner.plugins.PluginKind;
import io.connwatch.runner.plugins.PluginOrigin;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn.Fault;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn.ReceivedDatum;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn.ReceivedRequest;
import io.connwatch.sinks.cloudwatch.StandInCloudWatchSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daemon in process, on virtual time ({@link ManualDaemonClock}), sampling a collector the test controls and
 * sending through the real cloudwatch sink and AWS SDK to the CloudWatch stand-in.
 */
class DaemonAgainstCloudWatchTest {

    private static final String WEB = "EC2:WEB-Services";
    private static final String DB = "EC2:Database-Services";
    private static final List<Dimension> INSTANCE = List.of(new Dimension("InstanceId", "i-0abc1234def567890"));
    private static final Duration SECOND = Duration.ofSeconds(1);
    /** web's value at the i-th sample; db's is 100 + i. */
    private static final double[] WEB_VALUES = {5, 9, 7, 1, 1, 1, 0, 12, 3, 4, 8, 2};

    private CloudWatchStandIn cloudWatch;
    private Sink sink;
    private ManualDaemonClock clock;
    private Daemon daemon;
    private RunningDaemon running;
    private final List<Instant> sampled = Collections.synchronizedList(new ArrayList<>());
    /** Tick 0's time: a whole minute, so that windows of 1, 3 and 60 s all start on it. */
    private Instant t0;

    @BeforeEach
    void setUp() throws Exception {
        cloudWatch = new CloudWatchStandIn();
        sink = StandInCloudWatchSink.create(cloudWatch, "connwatch", List.of());
    }

    @AfterEach
    void tearDown() throws Exception {
        if (running != null) {
            running.close();
        }
        sink.close();
        cloudWatch.close();
    }

    private void start(Duration interval, Duration publishInterval, int maxBuffered) {
        start(interval, publishInterval, maxBuffered, i -> {
        });
    }

    /** Starts the daemon; {@code duringSample} runs inside the i-th sampling cycle. */
    private void start(Duration interval, Duration publishInterval, int maxBuffered, IntConsumer duringSample) {
        t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        clock = new ManualDaemonClock(t0.minusMillis(1));
        AtomicInteger inCycle = new AtomicInteger();
        Sampler sampler = t -> {
            if (inCycle.incrementAndGet() != 1) {
                throw new AssertionError("two sampling cycles overlap");
            }
            int i = sampled.size();
            sampled.add(t);
            duringSample.accept(i);
            List<Metric> metrics = List.of(
                    new Metric(WEB, "http-cons-established", WEB_VALUES[i % WEB_VALUES.length], Unit.COUNT, INSTANCE, t),
                    new Metric(DB, "db-cons-established", 100 + i, Unit.COUNT, INSTANCE, t));
            inCycle.decrementAndGet();
            return new CollectionResult(metrics, 0);
        };
        ActivePlugin<Sink> active = new ActivePlugin<>(PluginKind.SINK, "cloudwatch", "sinks[0]",
                new PluginOrigin(true, null, null), sink);
        daemon = new Daemon(new DaemonSettings(interval, publishInterval, maxBuffered, Duration.ofSeconds(10), false,
                System.out), sampler, List.of(active), clock);
        running = RunningDaemon.start(daemon, clock);
    }

    /** What the stand-in accepted, by namespace and name, in arrival order. */
    private Map<String, List<ReceivedDatum>> received() {
        Map<String, List<ReceivedDatum>> bySeries = new LinkedHashMap<>();
        for (ReceivedRequest r : cloudWatch.requests()) {
            for (ReceivedDatum d : r.datums()) {
                bySeries.computeIfAbsent(r.namespace() + "/" + d.name(), k -> new ArrayList<>()).add(d);
            }
        }
        return bySeries;
    }

    private List<Instant> timestamps(String series) {
        return received().getOrDefault(series, List.of()).stream().map(ReceivedDatum::timestamp).toList();
    }

    private List<Instant> seconds(int... offsets) {
        List<Instant> out = new ArrayList<>();
        for (int s : offsets) {
            out.add(t0.plusSeconds(s));
        }
        return out;
    }

    @Test
    void nCyclesGiveNSamplesWithDistinctEvenlySpacedTimestamps() throws Exception {
        start(SECOND, SECOND, 10_000);
        for (int i = 0; i < 6; i++) {
            running.tickAndAwaitSend();
        }
        running.stopAndAwait();

        assertEquals(6, daemon.samples());
        assertEquals(seconds(0, 1, 2, 3, 4, 5), sampled);
        List<ReceivedDatum> web = received().get(WEB + "/http-cons-established");
        assertEquals(seconds(0, 1, 2, 3, 4, 5), web.stream().map(ReceivedDatum::timestamp).toList());
        for (int i = 0; i < 6; i++) {
            assertEquals(WEB_VALUES[i], web.get(i).value());
            assertTrue(web.get(i).statisticValues().isEmpty(), "publish-interval = interval sends plain values");
            assertEquals(Map.of("InstanceId", "i-0abc1234def567890"), web.get(i).dimensions());
        }
        assertEquals(seconds(0, 1, 2, 3, 4, 5), timestamps(DB + "/db-cons-established"));
        assertEquals(6 * 2, cloudWatch.requests().size(), "one request per namespace per send");
    }

    @Test
    void aPublishIntervalOfThreeIntervalsSendsStatisticSetsOfTheSamples() throws Exception {
        start(SECOND, Duration.ofSeconds(3), 10_000);
        for (int window = 0; window < 3; window++) {
            clock.ticks(2);
            assertEquals(window, daemon.sends(), "no send before the window's last sample");
            running.tickAndAwaitSend();
        }
        running.stopAndAwait();

        List<ReceivedDatum> web = received().get(WEB + "/http-cons-established");
        assertEquals(seconds(0, 3, 6), web.stream().map(ReceivedDatum::timestamp).toList(),
                "one set per window, stamped with its start");
        // WEB_VALUES 5 9 7 | 1 1 1 | 0 12 3
        assertEquals(Map.of("SampleCount", 3.0, "Sum", 21.0, "Minimum", 5.0, "Maximum", 9.0),
                web.get(0).statisticValues());
        assertEquals(Map.of("SampleCount", 3.0, "Sum", 3.0, "Minimum", 1.0, "Maximum", 1.0),
                web.get(1).statisticValues());
        assertEquals(Map.of("SampleCount", 3.0, "Sum", 15.0, "Minimum", 0.0, "Maximum", 12.0),
                web.get(2).statisticValues());
        assertTrue(Double.isNaN(web.get(0).value()), "a statistic set carries no Value");
        List<ReceivedDatum> db = received().get(DB + "/db-cons-established");
        assertEquals(Map.of("SampleCount", 3.0, "Sum", 100.0 + 101 + 102, "Minimum", 100.0, "Maximum", 102.0),
                db.get(0).statisticValues());
        assertEquals(Map.of("InstanceId", "i-0abc1234def567890"), db.get(2).dimensions());
    }

    @Test
    void afterAnOutageEverySampleArrivesOnceWithItsOwnTimestampOldestFirst() throws Exception {
        cloudWatch.outage(true);
        start(SECOND, SECOND, 10_000);
        for (int i = 0; i < 4; i++) {
            running.tickAndAwaitSend();
        }
        assertEquals(List.of(), cloudWatch.requests());
        assertEquals(4 * 2, daemon.buffered());
        assertTrue(cloudWatch.attempts() >= 4 * 2, "each send tried both namespaces: " + cloudWatch.attempts());

        cloudWatch.outage(false);
        running.tickAndAwaitSend();

        assertEquals(0, daemon.buffered());
        assertEquals(seconds(0, 1, 2, 3, 4), timestamps(WEB + "/http-cons-established"));
        assertEquals(seconds(0, 1, 2, 3, 4), timestamps(DB + "/db-cons-established"));
        List<ReceivedDatum> db = received().get(DB + "/db-cons-established");
        for (int i = 0; i < 5; i++) {
            assertEquals(100.0 + i, db.get(i).value(), "sample " + i + " kept its own value");
        }
        running.stopAndAwait();
        assertEquals(0, daemon.dropped());
    }

    @Test
    void aTinyBufferDropsTheOldestAndCountsThem() throws Exception {
        cloudWatch.outage(true);
        start(SECOND, SECOND, 4); // room for two samples of two datums, the newest included
        for (int i = 0; i < 5; i++) {
            running.tickAndAwaitSend();
        }
        assertEquals(4, daemon.buffered());
        assertEquals(3 * 2, daemon.dropped(), "samples 0, 1 and 2 dropped");

        cloudWatch.outage(false);
        try (StderrCapture log = new StderrCapture()) {
            running.tickAndAwaitSend();
            assertEquals(1, log.linesWith("the buffer is full (max-buffered-datums): dropped the 2 oldest datums").size(),
                    "sample 3 made room for sample 5");
            assertEquals(1, log.linesWith("8 dropped since start").size());
        }

        assertEquals(seconds(4, 5), timestamps(WEB + "/http-cons-established"));
        assertEquals(seconds(4, 5), timestamps(DB + "/db-cons-established"));
        assertEquals(4 * 2, daemon.dropped());
        running.stopAndAwait();
    }

    @Test
    void accessDeniedIsLoggedOncePerSendWithCloudWatchsMessageAndSamplingGoesOn() throws Exception {
        String denial = "User: arn:aws:sts::123456789012:assumed-role/web/i-0abc is not authorized to perform: "
                + "cloudwatch:PutMetricData because no identity-based policy allows the cloudwatch:PutMetricData action";
        cloudWatch.deny(WEB, denial);
        start(SECOND, SECOND, 10_000);
        try (StderrCapture log = new StderrCapture()) {
            for (int i = 0; i < 3; i++) {
                running.tickAndAwaitSend();
            }
            List<String> lines = log.linesWith(denial);
            assertEquals(3, lines.size(), "once per send: " + lines);
            assertTrue(lines.stream().allMatch(l -> l.contains("AccessDenied") && l.contains("not retried")), lines.toString());
        }
        assertEquals(3, daemon.samples());
        assertEquals(0, daemon.buffered(), "a refusal is not kept for retry");
        assertEquals(3 + 3, cloudWatch.attempts(), "each send: one denied request, not retried, and one for db");
        assertEquals(seconds(0, 1, 2), timestamps(DB + "/db-cons-established"), "the other namespace still goes");
        assertEquals(List.of(), timestamps(WEB + "/http-cons-established"));
        running.stopAndAwait();
    }

    @Test
    void aMixedFailureKeepsOnlyItsTransientPart() throws Exception {
        cloudWatch.deny(DB, "denied");
        // The web request comes first and is throttled through all three of the SDK's attempts.
        cloudWatch.failNext(Fault.THROTTLING, Fault.THROTTLING, Fault.THROTTLING);
        start(SECOND, SECOND, 10_000);
        running.tickAndAwaitSend();
        assertEquals(1, daemon.buffered(), "web's datum is kept, db's refused");

        running.tickAndAwaitSend();

        assertEquals(seconds(0, 1), timestamps(WEB + "/http-cons-established"));
        assertEquals(List.of(), timestamps(DB + "/db-cons-established"));
        assertEquals(0, daemon.buffered());
        running.stopAndAwait();
    }

    @Test
    void anOverrunningCycleSkipsTheMissedTicksAndNeverOverlaps() throws Exception {
        try (StderrCapture log = new StderrCapture()) {
            start(SECOND, SECOND, 10_000, i -> {
                if (i == 2) {
                    clock.advance(Duration.ofMillis(2700)); // this cycle takes 2.7 intervals
                }
            });
            for (int i = 0; i < 4; i++) {
                running.tickAndAwaitSend();
            }
            assertEquals(1, log.linesWith("skipped 2 tick(s), " + t0.plusSeconds(3) + " to " + t0.plusSeconds(4))
                    .size(), "said once, naming the ticks");
        }
        running.stopAndAwait();
        assertEquals(seconds(0, 1, 2, 5), sampled);
        assertEquals(2, daemon.skippedTicks());
        assertEquals(seconds(0, 1, 2, 5), timestamps(WEB + "/http-cons-established"));
    }

    @Test
    void stoppingSendsThePartialWindowAndWhatIsBuffered() throws Exception {
        start(SECOND, Duration.ofSeconds(60), 10_000);
        for (int i = 0; i < 4; i++) {
            clock.tick();
        }
        assertEquals(0, cloudWatch.attempts(), "nothing is sent before the minute ends");

        running.stopAndAwait();

        List<ReceivedDatum> web = received().get(WEB + "/http-cons-established");
        assertEquals(1, web.size());
        assertEquals(t0, web.get(0).timestamp());
        // WEB_VALUES 5 9 7 1
        assertEquals(Map.of("SampleCount", 4.0, "Sum", 22.0, "Minimum", 1.0, "Maximum", 9.0),
                web.get(0).statisticValues());
        assertEquals(0, daemon.buffered());
    }
}
