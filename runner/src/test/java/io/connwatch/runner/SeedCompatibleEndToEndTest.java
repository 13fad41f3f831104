package io.connwatch.runner;

import io.connwatch.api.TcpState;
import io.connwatch.runner.identity.ImdsStandIn;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn.Fault;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn.ReceivedDatum;
import io.connwatch.sinks.cloudwatch.CloudWatchStandIn.ReceivedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code config-examples/seed-compatible.yaml} end to end: the real CLI, the real AWS SDK against a CloudWatch
 * stand-in and an IMDSv2 stand-in, reached through the standard environment variables, counting real loopback
 * sockets (the file's ports 80, 443 and 3306 swapped for ephemeral ones this test owns).
 */
class SeedCompatibleEndToEndTest {

    private static final String INSTANCE_ID = "i-0123456789abcdef0";
    private static final List<String> SEED_STATES = List.of("established", "timewait", "finwait1", "finwait2");

    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();
    private final LoopbackConnections sockets = new LoopbackConnections();
    private CloudWatchStandIn cloudWatch;
    private ImdsStandIn imds;
    private int web1;
    private int web2;
    private int db;

    @BeforeEach
    void setUp() throws Exception {
        cloudWatch = new CloudWatchStandIn();
        open.add(cloudWatch);
        imds = new ImdsStandIn(Map.of("/latest/meta-data/instance-id", INSTANCE_ID));
        open.add(imds);
        open.add(sockets);
        ServerSocket w1 = sockets.listen();
        ServerSocket w2 = sockets.listen();
        ServerSocket d = sockets.listen();
        web1 = w1.getLocalPort();
        web2 = w2.getLocalPort();
        db = d.getLocalPort();
        // 3 + 2 web clients, the first closed by the server first; 2 db clients, the first half closed by the server.
        LoopbackConnections.closeByServerFirst(sockets.connect(w1, 3).get(0));
        sockets.connect(w2, 2);
        LoopbackConnections.halfCloseByServer(sockets.connect(d, 2).get(0));
        Await.until(() -> ss(TcpState.TIME_WAIT, web1) == 1 && ss(TcpState.FIN_WAIT2, db) == 1, Duration.ofSeconds(10),
                "the loopback sockets to reach their states");
        String seed = Files.readString(Path.of("..", "config-examples", "seed-compatible.yaml"));
        String ours = seed.replace("ports: [80, 443]", "ports: [" + web1 + ", " + web2 + "]")
                .replace("ports: [3306]", "ports: [" + db + "]");
        assertTrue(!ours.equals(seed) && ours.contains(String.valueOf(db)), "the example's ports were not found");
        Files.writeString(dir.resolve("seed.yaml"), ours);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private Map<String, String> awsEnv() {
        return StandInEnvironment.of(cloudWatch.endpoint(), imds.endpoint(), dir);
    }

    @Test
    void deliversTheEightDatumsOfTheOldScriptInOneRequestPerNamespace() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        ConnwatchProcess.Result r = ConnwatchProcess.run(dir, awsEnv(), "run", "--once", "--config", "seed.yaml");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stdout(), "the cloudwatch sink prints nothing on stdout");

        List<ReceivedRequest> requests = cloudWatch.requests();
        assertEquals(Set.of("EC2:WEB-Services", "EC2:Database-Services"),
                requests.stream().map(ReceivedRequest::namespace).collect(Collectors.toSet()));
        assertEquals(2, requests.size(), "one request per namespace");
        Map<String, Double> values = new TreeMap<>();
        for (ReceivedRequest request : requests) {
            for (ReceivedDatum d : request.datums()) {
                values.put(request.namespace() + "/" + d.name(), d.value());
                assertEquals("Count", d.unit(), d.name());
                assertEquals(Map.of("InstanceId", INSTANCE_ID), d.dimensions(), d.name());
                assertTrue(!d.timestamp().isBefore(before) && !d.timestamp().isAfter(Instant.now()), d.name());
            }
        }
        Map<String, Double> expected = new TreeMap<>();
        for (String state : SEED_STATES) {
            TcpState s = TcpState.parse(state).orElseThrow();
            expected.put("EC2:WEB-Services/http-cons-" + state, (double) ss(s, web1, web2));
            expected.put("EC2:Database-Services/db-cons-" + state, (double) ss(s, db));
        }
        assertEquals(expected, values);
        // And what this test built: 3 + 2 web clients, one of them closed by the server first; 2 db, one half closed.
        assertEquals(4.0, values.get("EC2:WEB-Services/http-cons-established"));
        assertEquals(1.0, values.get("EC2:WEB-Services/http-cons-timewait"));
        assertEquals(1.0, values.get("EC2:Database-Services/db-cons-established"));
        assertEquals(1.0, values.get("EC2:Database-Services/db-cons-finwait2"));
        assertEquals(1, imds.tokenRequests(), "one IMDSv2 token for the process");
        assertEquals(0, imds.refusedGets());
    }

    @Test
    void aServerErrorThenAThrottleLoseNothing() throws Exception {
        cloudWatch.failNext(Fault.SERVER_ERROR, Fault.THROTTLING);
        ConnwatchProcess.Result r = ConnwatchProcess.run(dir, awsEnv(), "run", "--once", "--config", "seed.yaml");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(8, cloudWatch.datums().size());
        assertEquals(2 + 2, cloudWatch.attempts(), "two faults retried, two requests accepted");
    }

    @Test
    void accessDeniedExitsOneWithCloudWatchsMessageAndTheOtherNamespaceStillGoes() throws Exception {
        String message = "User: arn:aws:iam::123456789012:user/cron is not authorized to perform: "
                + "cloudwatch:PutMetricData because no identity-based policy allows it";
        cloudWatch.deny("EC2:Database-Services", message);
        ConnwatchProcess.Result r = ConnwatchProcess.run(dir, awsEnv(), "run", "--once", "--config", "seed.yaml");
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains(message), r.stderr());
        assertTrue(r.stderr().contains("EC2:Database-Services"), r.stderr());
        assertEquals(List.of("EC2:WEB-Services"), cloudWatch.requests().stream().map(ReceivedRequest::namespace).toList());
    }

    @Test
    void dryRunShowsTheRequestsAndSendsNothing() throws Exception {
        ConnwatchProcess.Result r = ConnwatchProcess.run(dir, awsEnv(), "run", "--once", "--dry-run", "--config",
                "seed.yaml");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("EC2:WEB-Services") && r.stdout().contains("http-cons-timewait")
                && r.stdout().contains("EC2:Database-Services"), r.stdout());
        assertEquals(0, cloudWatch.attempts(), "a dry run sends nothing");
    }

    @Test
    void offEc2TheHostNameStandsInWithinSeconds() throws Exception {
        // A metadata address that accepts connections and never answers, as a firewalled 169.254.169.254 behaves.
        ServerSocket silent = sockets.listen();
        Map<String, String> env = awsEnv();
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:" + silent.getLocalPort());
        long start = System.nanoTime();
        ConnwatchProcess.Result r = ConnwatchProcess.run(dir, env, "run", "--once", "--config", "seed.yaml");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(0, r.exitCode(), r.stderr());
        // The whole process, JVM start included, takes 2 to 3 s here with the metadata look-ups bounded at about
        // 2 s; the SDK's own retries would take about 7 s for them alone.
        System.out.println("off EC2, run --once took " + took.toMillis() + " ms");
        assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "took " + took);
        String host = InetAddress.getLocalHost().getHostName();
        assertTrue(cloudWatch.datums().stream().allMatch(d -> d.dimensions().equals(Map.of("InstanceId", host))),
                cloudWatch.datums().toString());
    }

    @Test
    void anUnresolvablePlaceholderWithoutDefaultIsAConfigurationError() throws Exception {
        Files.writeString(dir.resolve("strict.yaml"), """
                dimensions:
                  InstanceId: ${ec2:instance-id}
                services:
                  - name: web
                    ports: [%d]
                sinks:
                  - type: cloudwatch
                """.formatted(web1));
        Map<String, String> env = awsEnv();
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        ConnwatchProcess.Result r = ConnwatchProcess.run(dir, env, "run", "--once", "--config", "strict.yaml");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("strict.yaml:2:15: dimensions.InstanceId") && r.stderr().contains("AWS_EC2_METADATA_DISABLED"),
                r.stderr());
        assertEquals(0, cloudWatch.attempts());
    }

    private static int ss(TcpState state, int... ports) {
        return SsWitness.count(state, true, ports);
    }
}
