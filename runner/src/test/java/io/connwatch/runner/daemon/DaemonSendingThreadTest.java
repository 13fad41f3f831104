package io.connwatch.runner.daemon;

import io.connwatch.api.Metric;
import io.connwatch.api.Sink;
import io.connwatch.api.Unit;
import io.connwatch.runner.Await;
import io.connwatch.runner.pipeline.ActivePlugin;
import io.connwatch.runner.pipeline.CollectionResult;
import io.connwatch.runner.plugins.PluginKind;
import io.connwatch.runner.plugins.PluginOrigin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daemon's sending thread around the sinks it calls: it outlives a send that breaks, runs each sink in the
 * sink's own class loader, and has the plugins closed after its last send, before the daemon reports it finished.
 * In process, on virtual time, with a sink that records what it is given.
 */
class DaemonSendingThreadTest {

    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final RecordingSink sink = new RecordingSink();
    private final ByteArrayOutputStream dryRunOut = new ByteArrayOutputStream();
    /** Tick 0's time: a whole minute, so that windows of 1 and 60 s start on it. */
    private final Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    private Daemon daemon;
    private RunningDaemon running;

    @AfterEach
    void tearDown() throws Exception {
        if (running != null) {
            running.close();
        }
    }

    /**
     * Starts a daemon sampling every second: the i-th sample is one metric of value i.
     *
     * @param publishInterval    how often it sends
     * @param dryRun             preview instead of publish
     * @param plugins            what the daemon closes at the end
     * @param contextClassLoader the context class loader of the thread that runs the daemon
     */
    private void start(Duration publishInterval, boolean dryRun, AutoCloseable plugins, ClassLoader contextClassLoader) {
        ManualDaemonClock clock = new ManualDaemonClock(t0.minusMillis(1));
        AtomicInteger samples = new AtomicInteger();
        Sampler sampler = t -> new CollectionResult(
                List.of(new Metric("test", "samples", samples.getAndIncrement(), Unit.COUNT, List.of(), t)), 0);
        ActivePlugin<Sink> active = new ActivePlugin<>(PluginKind.SINK, "recording", "sinks[0]",
                new PluginOrigin(true, null, null), sink);
        daemon = new Daemon(new DaemonSettings(SECOND, publishInterval, 10_000, PATIENCE, dryRun,
                new PrintStream(dryRunOut, true, StandardCharsets.UTF_8)), sampler, List.of(active), clock, plugins);
        running = RunningDaemon.start(daemon, clock, contextClassLoader);
    }

    private void start(Duration publishInterval) {
        start(publishInterval, false, () -> { }, Thread.currentThread().getContextClassLoader());
    }

    @Test
    void aSendThatThrowsAnErrorLosesItsDatumsButLaterWindowsStillGo() throws Exception {
        // Not one of the throwables SinkDelivery catches as a broken plugin: this one reaches the sending loop.
        sink.failFirstPublishWith(new Error("plugin bug"));
        start(SECOND);
        try (StderrCapture log = new StderrCapture()) {
            running.clock().tick();
            Await.until(() -> sink.calls().size() == 1, PATIENCE, "the first, failing publish");

            running.tickAndAwaitSend();
            running.tickAndAwaitSend();
            running.stopAndAwait();

            assertEquals(List.of(t0.plusSeconds(1), t0.plusSeconds(2)), sink.published().stream().map(Metric::timestamp).toList(),
                    "the windows after the failed send were delivered; the failed send's datums are lost");
            assertEquals(List.of(1.0, 2.0), sink.published().stream().map(Metric::value).toList());
            List<String> said = log.linesWith("a send failed unexpectedly");
            assertEquals(1, said.size(), said.toString());
            assertTrue(said.get(0).contains("java.lang.Error: plugin bug"), said.get(0));
        }
    }

    @ParameterizedTest(name = "dry run: {0}")
    @ValueSource(booleans = {false, true})
    void aSinkRunsWithItsOwnClassLoaderAsTheThreadContextClassLoader(boolean dryRun) throws Exception {
        // The daemon's threads have some other context class loader, as the runner's do.
        ClassLoader foreign = new ClassLoader(null) {
        };
        start(SECOND, dryRun, () -> { }, foreign);

        running.tickAndAwaitSend();
        running.tickAndAwaitSend();
        running.stopAndAwait();

        List<RecordingSink.Call> calls = sink.calls();
        assertEquals(2, calls.size(), calls.toString());
        for (RecordingSink.Call call : calls) {
            assertEquals(dryRun ? "preview" : "publish", call.method());
            assertEquals(RecordingSink.class.getClassLoader(), call.contextClassLoader(),
                    call.method() + " ran with the context class loader " + call.contextClassLoader());
        }
    }

    /** What the daemon's plugins saw when they were closed. */
    private record AtClose(long sends, List<Metric> published, boolean daemonFinished) {
    }

    @Test
    void thePluginsAreClosedAfterTheLastSendAndBeforeTheDaemonReportsItFinished() throws Exception {
        AtomicInteger closes = new AtomicInteger();
        AtomicReference<AtClose> atClose = new AtomicReference<>();
        AutoCloseable plugins = () -> {
            closes.incrementAndGet();
            atClose.set(new AtClose(daemon.sends(), sink.published(), daemon.awaitFinished(Duration.ZERO)));
        };
        start(Duration.ofSeconds(60), false, plugins, Thread.currentThread().getContextClassLoader());
        running.clock().ticks(2);
        assertEquals(0, closes.get());
        assertEquals(List.of(), sink.calls(), "nothing is sent before the minute ends");

        daemon.stop();
        assertTrue(daemon.awaitFinished(PATIENCE), "the daemon did not finish");

        assertEquals(1, closes.get(), "closed once, by the time the daemon reports it finished");
        AtClose seen = atClose.get();
        assertNotNull(seen);
        assertFalse(seen.daemonFinished(), "the daemon reported it finished before closing the plugins");
        // The stop may close the window and request the last send in one go or in two sends: either way, every
        // send was done when the plugins were closed.
        assertTrue(seen.sends() >= 1, "no send before the close");
        assertEquals(daemon.sends(), seen.sends(), "a send after the plugins were closed");
        assertEquals(List.of(t0), seen.published().stream().map(Metric::timestamp).toList(),
                "the partial window went out before the close");
        running.stopAndAwait();
        assertEquals(1, closes.get(), "closed once");
    }
}
