package io.connwatch.runner;

import io.connwatch.runner.DaemonProcess.StopSignal;
import io.connwatch.runner.daemon.DaemonRun;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn.ReceivedDatum;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn.ReceivedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code connwatch run} as a daemon: a real child JVM, the real tcp-states collector on a port this test listens on,
 * the real AWS SDK against the CloudWatch stand-in, stopped with SIGTERM or SIGINT.
 */
class DaemonEndToEndTest {

    private static final Pattern STOPPED = Pattern.compile(
            "stopped: (\\d+) samples from (\\S+) to (\\S+), (\\d+) ticks skipped");
    private static final Pattern SKIPPED = Pattern.compile("skipped (\\d+) tick\\(s\\), (\\S+) to (\\S+)");
    private static final String NAMESPACE = "connwatch-daemon-test";

    @TempDir
    Path dir;

    private final LoopbackConnections sockets = new LoopbackConnections();
    private CloudWatchStandIn cloudWatch;
    private ServerSocket listener;

    @BeforeEach
    void setUp() throws Exception {
        cloudWatch = new CloudWatchStandIn();
        listener = sockets.listen();
    }

    @AfterEach
    void tearDown() throws Exception {
        sockets.close();
        cloudWatch.close();
    }

    private Map<String, String> awsEnv() {
        return StandInEnvironment.of(cloudWatch.endpoint(), dir);
    }

    private void writeConfig(String publishInterval) throws Exception {
        Files.writeString(dir.resolve("daemon.yaml"), """
                interval: 1s
                publish-interval: %s
                services:
                  - name: web
                    ports: [%d]
                    states: [established, listen]
                sinks:
                  - type: cloudwatch
                    namespace: %s
                """.formatted(publishInterval, listener.getLocalPort(), NAMESPACE));
    }

    /** What the stand-in accepted, by metric name, in arrival order. */
    private Map<String, List<ReceivedDatum>> received() {
        Map<String, List<ReceivedDatum>> byName = new LinkedHashMap<>();
        for (ReceivedRequest r : cloudWatch.requests()) {
            assertEquals(NAMESPACE, r.namespace());
            for (ReceivedDatum d : r.datums()) {
                byName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
            }
        }
        return byName;
    }

    private static Matcher stopped(DaemonProcess daemon) {
        List<String> lines = daemon.logLinesWith("stopped: ");
        assertEquals(1, lines.size(), daemon.stderr());
        Matcher m = STOPPED.matcher(lines.get(0));
        assertTrue(m.find(), lines.get(0));
        return m;
    }

    /** The contract names both: SIGTERM from systemd or a container runtime, SIGINT from Ctrl-C. */
    @ParameterizedTest
    @EnumSource(StopSignal.class)
    void aStopSignalSendsThePartialWindowAndExitsZeroWithinTheTimeout(StopSignal signal) throws Exception {
        writeConfig("60s");
        try (DaemonProcess daemon = DaemonProcess.start(dir, awsEnv(),
                List.of("-Dorg.slf4j.simpleLogger.log.io.connwatch.runner.daemon.Daemon=debug"),
                "run", "--config", "daemon.yaml")) {
            daemon.awaitLog(log -> log.lines().filter(l -> l.contains("Daemon - sampled ")).count() >= 3,
                    Duration.ofSeconds(30), "three samples");
            assertFalse(daemon.ignores(signal), "connwatch was started with " + signal + " ignored, inherited from "
                    + "this test's JVM (a background job of a non-interactive shell ignores SIGINT): run the tests "
                    + "from a shell that does not ignore it");

            Duration took = daemon.signalAndAwaitExit(signal, Duration.ofSeconds(30));

            assertEquals(0, daemon.exitCode(), daemon.stderr());
            assertTrue(took.compareTo(DaemonRun.FLUSH_TIMEOUT) < 0, "exit took " + took);
            System.out.println("daemon exit after " + signal + " took " + took.toMillis() + " ms");
            long samples = Long.parseLong(stopped(daemon).group(1));
            assertTrue(samples >= 3, daemon.stderr());
            Map<String, List<ReceivedDatum>> received = received();
            assertTrue(received.keySet().containsAll(Set.of("web-cons-established", "web-cons-listen",
                    "web-listen-queue")), "metrics sent: " + received.keySet());
            for (Map.Entry<String, List<ReceivedDatum>> e : received.entrySet()) {
                double count = e.getValue().stream().mapToDouble(d -> d.statisticValues().get("SampleCount")).sum();
                assertEquals(samples, (long) count, e.getKey() + ": every sample, in statistic sets");
            }
            // This test's listener, seen by the kernel in every sample.
            List<ReceivedDatum> listen = received.get("web-cons-listen");
            assertTrue(listen.stream().allMatch(d -> d.statisticValues().get("Minimum") == 1.0
                    && d.statisticValues().get("Maximum") == 1.0), listen.toString());
        }
    }

    /**
     * The "done when": a daemon sampling every second through an outage of its first five sends delivers
     * every sampled second once, with its own timestamp, oldest first, and exits 0 promptly on SIGTERM.
     */
    @Test
    void throughAnOutageOfTheFirstFiveSendsEverySampledSecondArrivesOnce() throws Exception {
        writeConfig("1s");
        cloudWatch.outage(true);
        try (DaemonProcess daemon = DaemonProcess.start(dir, awsEnv(), List.of(), "run", "--config", "daemon.yaml")) {
            daemon.awaitLog(log -> log.lines().filter(l -> l.contains("kept for the next send")).count() >= 5,
                    Duration.ofSeconds(30), "five failed sends");
            assertEquals(List.of(), cloudWatch.requests(), "nothing accepted during the outage");
            int outageAttempts = cloudWatch.attempts();
            cloudWatch.outage(false);
            Await.until(() -> cloudWatch.requests().size() >= 3, Duration.ofSeconds(20), "three sends after the outage");

            Duration took = daemon.sigtermAndAwaitExit(Duration.ofSeconds(30));

            assertEquals(0, daemon.exitCode(), daemon.stderr());
            assertTrue(took.compareTo(DaemonRun.FLUSH_TIMEOUT) < 0, "exit took " + took);
            System.out.println("outage test: " + outageAttempts + " refused attempts; exit after SIGTERM took "
                    + took.toMillis() + " ms");
            Matcher stopped = stopped(daemon);
            Instant first = Instant.parse(stopped.group(2));
            Instant last = Instant.parse(stopped.group(3));
            Set<Instant> sampledSeconds = new TreeSet<>();
            for (Instant t = first; !t.isAfter(last); t = t.plusSeconds(1)) {
                sampledSeconds.add(t);
            }
            // A tick skipped under load is said in the log; it was never sampled, so it cannot arrive.
            for (String line : daemon.logLinesWith("skipped ")) {
                Matcher m = SKIPPED.matcher(line);
                assertTrue(m.find(), line);
                for (Instant t = Instant.parse(m.group(2)); !t.isAfter(Instant.parse(m.group(3))); t = t.plusSeconds(1)) {
                    sampledSeconds.remove(t);
                }
            }
            assertEquals(Long.parseLong(stopped.group(1)), sampledSeconds.size(), daemon.stderr());
            assertTrue(sampledSeconds.size() >= 8, "sampled " + sampledSeconds.size() + " seconds");
            Map<String, List<ReceivedDatum>> received = received();
            assertTrue(received.containsKey("web-cons-listen"), received.keySet().toString());
            for (Map.Entry<String, List<ReceivedDatum>> e : received.entrySet()) {
                List<Instant> arrived = e.getValue().stream().map(ReceivedDatum::timestamp).toList();
                assertEquals(List.copyOf(sampledSeconds), arrived,
                        e.getKey() + ": every sampled second once, with its own timestamp, oldest first");
            }
        }
    }
}
