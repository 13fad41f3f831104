package io.connwatch.runner.identity;

import io.connwatch.runner.Await;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connwatch.runner.config.InstanceMetadata;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Host identity through the SDK's IMDSv2 client against an IMDS stand-in on 127.0.0.1. */
class Ec2InstanceMetadataTest {

    private static final Map<String, String> INSTANCE = Map.of(
            "/latest/meta-data/instance-id", "i-0abc1234def567890",
            "/latest/meta-data/instance-type", "m7g.large",
            "/latest/meta-data/ami-id", "ami-0123456789abcdef0",
            "/latest/meta-data/placement/region", "eu-west-1",
            "/latest/meta-data/placement/availability-zone", "eu-west-1b");

    private static Map<String, String> env(URI endpoint) {
        return Map.of(ImdsEndpoint.ENDPOINT_VARIABLE, endpoint.toString());
    }

    private static Map<String, String> withTags(Map<String, String> paths) {
        Map<String, String> all = new HashMap<>(paths);
        all.put(Ec2InstanceMetadata.TAGS_PATH, "Name\naws:autoscaling:groupName");
        all.put(Ec2InstanceMetadata.AUTOSCALING_GROUP_PATH, "web-asg");
        return all;
    }

    @Test
    void resolvesEveryKeyWithOneTokenAndAsksEachOnce() throws Exception {
        try (ImdsStandIn imds = new ImdsStandIn(withTags(INSTANCE));
             Ec2InstanceMetadata metadata = new Ec2InstanceMetadata(env(imds.endpoint()))) {
            assertEquals(0, imds.requests(), "nothing is asked before the first look-up");

            Map<String, Optional<String>> resolved = new HashMap<>();
            for (String key : InstanceMetadata.KEYS) {
                resolved.put(key, metadata.lookup(key));
            }
            for (String key : InstanceMetadata.KEYS) {
                metadata.lookup(key); // answered from the cache
            }

            assertEquals(Optional.of("i-0abc1234def567890"), resolved.get("instance-id"));
            assertEquals(Optional.of("m7g.large"), resolved.get("instance-type"));
            assertEquals(Optional.of("ami-0123456789abcdef0"), resolved.get("ami-id"));
            assertEquals(Optional.of("eu-west-1"), resolved.get("region"));
            assertEquals(Optional.of("eu-west-1b"), resolved.get("availability-zone"));
            assertEquals(Optional.of("web-asg"), resolved.get("autoscaling-group"));
            assertEquals(1, imds.tokenRequests(), "one session token for all look-ups");
            assertEquals(InstanceMetadata.KEYS.size(), imds.getRequests(), "one GET per key, then the cache");
            assertEquals(0, imds.refusedGets(), "every GET carried the token");
        }
    }

    @Test
    void theStandInRefusesCallsWithoutATokenAsIMDSv2Does() throws Exception {
        try (ImdsStandIn imds = new ImdsStandIn(INSTANCE)) {
            HttpURLConnection get = (HttpURLConnection) imds.endpoint().resolve("/latest/meta-data/instance-id")
                    .toURL().openConnection();
            assertEquals(401, get.getResponseCode());
            HttpURLConnection put = (HttpURLConnection) imds.endpoint().resolve("/latest/api/token")
                    .toURL().openConnection();
            put.setRequestMethod("PUT");
            assertEquals(400, put.getResponseCode(), "a token request needs the TTL header");
            HttpURLConnection withTtl = (HttpURLConnection) imds.endpoint().resolve("/latest/api/token")
                    .toURL().openConnection();
            withTtl.setRequestMethod("PUT");
            withTtl.setRequestProperty(ImdsStandIn.TTL_HEADER, "60");
            assertEquals(200, withTtl.getResponseCode());
            assertEquals("60", withTtl.getHeaderField(ImdsStandIn.TTL_HEADER));
        }
    }

    @Test
    void anAutoscalingGroupWithoutMetadataTagsSaysTheyAreNotAllowed() throws Exception {
        try (ImdsStandIn imds = new ImdsStandIn(INSTANCE);
             Ec2InstanceMetadata metadata = new Ec2InstanceMetadata(env(imds.endpoint()))) {
            assertEquals(Optional.empty(), metadata.lookup("autoscaling-group"));
            String reason = metadata.unavailableReason("autoscaling-group");
            assertTrue(reason.contains("instance metadata tags are not allowed"), reason);
            // The service itself still works for the other keys.
            assertEquals(Optional.of("i-0abc1234def567890"), metadata.lookup("instance-id"));
        }
    }

    @Test
    void anInstanceOutsideAnAutoscalingGroupSaysSo() throws Exception {
        Map<String, String> paths = new HashMap<>(INSTANCE);
        paths.put(Ec2InstanceMetadata.TAGS_PATH, "Name");
        try (ImdsStandIn imds = new ImdsStandIn(paths);
             Ec2InstanceMetadata metadata = new Ec2InstanceMetadata(env(imds.endpoint()))) {
            assertEquals(Optional.empty(), metadata.lookup("autoscaling-group"));
            String reason = metadata.unavailableReason("autoscaling-group");
            assertTrue(reason.contains("not in an Auto Scaling group"), reason);
        }
    }

    @Test
    void aServiceThatNeverAnswersIsGivenUpWithinTheBound() throws Exception {
        // Accepts connections (the kernel completes them into the backlog) but never answers: the read times out.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Ec2InstanceMetadata metadata = new Ec2InstanceMetadata(
                     Map.of(ImdsEndpoint.ENDPOINT_VARIABLE, "http://127.0.0.1:" + silent.getLocalPort()))) {
            long start = System.nanoTime();
            Optional<String> first = metadata.lookup("instance-id");
            Duration firstTook = Duration.ofNanos(System.nanoTime() - start);
            for (String key : List.of("region", "instance-type", "ami-id", "availability-zone", "autoscaling-group")) {
                assertEquals(Optional.empty(), metadata.lookup(key));
            }
            Duration allTook = Duration.ofNanos(System.nanoTime() - start);

            assertEquals(Optional.empty(), first);
            assertTrue(firstTook.compareTo(Duration.ofMillis(1100)) >= 0,
                    "two attempts of 0.6 s each were expected, took " + firstTook);
            assertTrue(allTook.compareTo(Duration.ofSeconds(3)) < 0, "all look-ups took " + allTook);
            String reason = metadata.unavailableReason("autoscaling-group");
            assertTrue(reason.startsWith("the instance metadata service at http://127.0.0.1:" + silent.getLocalPort()
                    + " did not answer within "), reason);
        }
    }

    @Test
    void aRefusingEndpointIsGivenUpAtOnceWithAReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (Ec2InstanceMetadata metadata = new Ec2InstanceMetadata(
                Map.of(ImdsEndpoint.ENDPOINT_VARIABLE, "http://127.0.0.1:" + closedPort))) {
            long start = System.nanoTime();
            assertEquals(Optional.empty(), metadata.lookup("instance-id"));
            assertEquals(Optional.empty(), metadata.lookup("region"));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "took " + took);
            String reason = metadata.unavailableReason("region");
            assertTrue(reason.contains("refused the connection"), reason);
        }
    }

    @Test
    void disabledByTheEnvironmentItNeverContactsTheService() throws Exception {
        try (ImdsStandIn imds = new ImdsStandIn(INSTANCE)) {
            Map<String, String> env = new HashMap<>(env(imds.endpoint()));
            env.put("AWS_EC2_METADATA_DISABLED", "TRUE");
            try (Ec2InstanceMetadata metadata = new Ec2InstanceMetadata(env)) {
                for (String key : InstanceMetadata.KEYS) {
                    assertEquals(Optional.empty(), metadata.lookup(key));
                }
                assertEquals("AWS_EC2_METADATA_DISABLED is true", metadata.unavailableReason("instance-id"));
            }
            assertEquals(0, imds.requests());
        }
    }

    @Test
    void anUnknownKeyIsNamedWithoutAsking() throws Exception {
        try (ImdsStandIn imds = new ImdsStandIn(INSTANCE);
             Ec2InstanceMetadata metadata = new Ec2InstanceMetadata(env(imds.endpoint()))) {
            assertEquals(Optional.empty(), metadata.lookup("instance-idd"));
            String reason = metadata.unavailableReason("instance-idd");
            assertTrue(reason.contains("not an instance metadata key") && reason.contains("instance-id"), reason);
            assertEquals(0, imds.requests());
        }
    }

    @Test
    void aLongLivedProcessAsksAgainAfterAnOutage() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        ImdsTimeouts quickRetry = new ImdsTimeouts(Duration.ofMillis(600), Duration.ofMillis(600), 1,
                Duration.ofSeconds(2), Duration.ofSeconds(1));
        try (Ec2InstanceMetadata metadata = new Ec2InstanceMetadata(
                Map.of(ImdsEndpoint.ENDPOINT_VARIABLE, "http://127.0.0.1:" + port), quickRetry)) {
            assertEquals(Optional.empty(), metadata.lookup("region"), "nothing listens yet");
            assertTrue(metadata.unavailableReason("region").contains("refused the connection"));
            try (ImdsStandIn imds = new ImdsStandIn(Map.of("/latest/meta-data/placement/region", "eu-north-1"), port)) {
                assertEquals(Optional.empty(), metadata.lookup("region"), "within the retry delay it does not ask");
                assertEquals(0, imds.requests());
                Await.until(() -> metadata.lookup("region").isPresent(), Duration.ofSeconds(5),
                        "the service asked again after the outage");
                assertEquals(Optional.of("eu-north-1"), metadata.lookup("region"));
            }
        }
    }
}
