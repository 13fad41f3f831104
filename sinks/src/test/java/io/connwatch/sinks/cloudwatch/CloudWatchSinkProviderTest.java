package io.connwatch.sinks.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.connwatch.api.ConfigException;
import io.connwatch.api.DeliveryException;
import io.connwatch.api.Dimension;
import io.connwatch.api.Metric;
import io.connwatch.api.PluginContext;
import io.connwatch.api.Service;
import io.connwatch.api.Sink;
import io.connwatch.api.SinkProvider;
import io.connwatch.api.TcpState;
import io.connwatch.api.Unit;
import io.connwatch.api.testing.MapConfigEntry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider: its keys, its errors, its registration, and that building a sink contacts nothing. */
class CloudWatchSinkProviderTest {

    private static final List<String> PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey", "aws.region",
            "aws.endpointUrl", "aws.disableEc2Metadata", "aws.configFile", "aws.sharedCredentialsFile");

    private CloudWatchStandIn cloudWatch;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void start() throws Exception {
        cloudWatch = new CloudWatchStandIn();
    }

    @AfterEach
    void stop() {
        PROPERTIES.forEach(System::clearProperty);
        cloudWatch.close();
    }

    private static FixedPluginContext context(String namespace) {
        return new FixedPluginContext(List.of(new Service("web", List.of(80), List.of(),
                EnumSet.of(TcpState.ESTABLISHED), namespace, Service.DEFAULT_METRIC_NAME)), "host-1");
    }

    private static ConfigException configError(Map<String, Object> keys) {
        return assertThrows(ConfigException.class,
                () -> new CloudWatchSinkProvider().create(MapConfigEntry.sink("cloudwatch", keys), context(null)));
    }

    @Test
    void isFoundByServiceLoaderAsCloudwatch() {
        List<String> types = ServiceLoader.load(SinkProvider.class).stream().map(p -> p.get().type()).toList();
        assertTrue(types.contains("cloudwatch"), types.toString());
    }

    @Test
    void readsEveryKeyItAcceptsAndAppliesTheDefaults() {
        MapConfigEntry entry = MapConfigEntry.sink("cloudwatch", Map.of());
        CloudWatchSinkSettings settings = CloudWatchSinkProvider.settings(entry, context(null));
        assertEquals(new CloudWatchSinkSettings("connwatch", "auto", null, 60), settings);
        assertEquals(List.of("namespace", "region", "endpoint", "storage-resolution"), List.copyOf(entry.asked()));
    }

    @Test
    void refusesAStorageResolutionOtherThanOneOrSixty() {
        ConfigException e = configError(Map.of("storage-resolution", 30));
        assertEquals("sinks[0].storage-resolution", e.keyPath());
        assertTrue(e.problem().contains("must be 1 (high resolution) or 60, not 30"), e.problem());
    }

    @Test
    void refusesABadRegionEndpointOrNamespace() {
        assertEquals("sinks[0].region", configError(Map.of("region", "EU West 1")).keyPath());
        ConfigException endpoint = configError(Map.of("endpoint", "ftp://example.com"));
        assertEquals("sinks[0].endpoint", endpoint.keyPath());
        assertTrue(endpoint.problem().contains("http:// or https://"), endpoint.problem());
        ConfigException reserved = configError(Map.of("namespace", "AWS/EC2"));
        assertTrue(reserved.problem().contains("reserved for AWS"), reserved.problem());
        ConfigException service = assertThrows(ConfigException.class, () -> new CloudWatchSinkProvider()
                .create(MapConfigEntry.sink("cloudwatch", Map.of()), context("EC2:Web Services!")));
        assertTrue(service.problem().contains("service web") && service.problem().contains("'!'"), service.problem());
    }

    @Test
    void createAndPreviewContactNothingAndTheSinkSendsOnFirstPublish() throws Exception {
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("region", "us-east-2");
        keys.put("endpoint", cloudWatch.endpoint().toString());
        // The production tuning and the SDK's default credential chain, fed through its system properties.
        try (Sink sink = new CloudWatchSinkProvider().create(MapConfigEntry.sink("cloudwatch", keys), context(null))) {
            Metric metric = new Metric("EC2:WEB-Services", "http-cons-established", 3, Unit.COUNT,
                    List.of(new Dimension("InstanceId", "i-0abc")), now);
            sink.preview(List.of(metric), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            assertEquals(0, cloudWatch.attempts(), "create() and preview() must not contact CloudWatch");

            System.setProperty("aws.accessKeyId", "AKIDFROMPROPERTIES");
            System.setProperty("aws.secretAccessKey", "not-a-secret");
            sink.publish(List.of(metric));

            assertEquals(1, cloudWatch.requests().size());
            String authorization = cloudWatch.requests().get(0).authorization();
            assertTrue(authorization.contains("Credential=AKIDFROMPROPERTIES/")
                    && authorization.contains("/us-east-2/monitoring/"), authorization);
        }
    }

    @Test
    void autoRegionAndTheEndpointComeFromTheSdksOwnSettings() throws Exception {
        // aws.region and aws.endpointUrl are the system-property twins of AWS_REGION and AWS_ENDPOINT_URL.
        System.setProperty("aws.region", "ap-southeast-2");
        System.setProperty("aws.endpointUrl", cloudWatch.endpoint().toString());
        try (Sink sink = new CloudWatchSinkProvider().create(MapConfigEntry.sink("cloudwatch", Map.of()),
                context(null), FastRetryTuning.TUNING)) {
            sink.publish(List.of(Metric.of("connections", 1, Unit.COUNT, now)));
        }
        assertEquals(1, cloudWatch.requests().size());
        assertEquals("connwatch", cloudWatch.requests().get(0).namespace());
        assertTrue(cloudWatch.requests().get(0).authorization().contains("/ap-southeast-2/monitoring/"));
    }

    @Test
    void noRegionAnywhereIsAClearFailureThatKeepsTheDatums(@TempDir Path home) throws Exception {
        assumeTrue(System.getenv("AWS_REGION") == null, "AWS_REGION is set in this environment");
        // Keep the SDK's region chain on this machine: no instance metadata service, no profile.
        System.setProperty("aws.disableEc2Metadata", "true");
        System.setProperty("aws.configFile", home.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
        Map<String, Object> keys = Map.of("endpoint", cloudWatch.endpoint().toString());
        Metric metric = Metric.of("connections", 1, Unit.COUNT, now);
        try (Sink sink = new CloudWatchSinkProvider().create(MapConfigEntry.sink("cloudwatch", keys), context(null),
                FastRetryTuning.TUNING)) {
            DeliveryException e = assertThrows(DeliveryException.class, () -> sink.publish(List.of(metric)));
            // Transient: with region auto the region comes from the metadata service, which may answer next time.
            assertTrue(e.retryable());
            assertEquals(List.of(metric), e.undelivered());
            assertTrue(e.getMessage().contains("no AWS region for the cloudwatch sink"), e.getMessage());
        }
        assertEquals(0, cloudWatch.attempts());
    }

    @Test
    void anEndpointThatRefusesConnectionsIsARetryableFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> keys = Map.of("region", "eu-west-1", "endpoint", "http://127.0.0.1:" + closedPort);
        Metric metric = Metric.of("connections", 1, Unit.COUNT, now);
        try (Sink sink = new CloudWatchSinkProvider().create(MapConfigEntry.sink("cloudwatch", keys), context(null),
                FastRetryTuning.TUNING)) {
            DeliveryException e = assertThrows(DeliveryException.class, () -> sink.publish(List.of(metric)));
            assertTrue(e.retryable(), e.getMessage());
            assertEquals(List.of(metric), e.undelivered());
            assertTrue(e.getMessage().contains("namespace \"connwatch\" (1 datum): could not be sent to CloudWatch"),
                    e.getMessage());
        }
    }

    @Test
    void noCredentialsForAMomentIsARetryableFailure(@TempDir Path home) throws Exception {
        assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null && System.getenv("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI") == null
                && System.getenv("AWS_WEB_IDENTITY_TOKEN_FILE") == null, "this environment has AWS credentials");
        // The default chain finds nothing: no keys, no profile, no metadata service (on EC2: the role's credentials
        // did not come this time). The datums must be kept for the next send, not dropped as refused.
        System.setProperty("aws.disableEc2Metadata", "true");
        System.setProperty("aws.configFile", home.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
        CloudWatchClientTuning noCredentials = new CloudWatchClientTuning(Duration.ofSeconds(2), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(15), 3, Duration.ofMillis(1), Duration.ofMillis(1),
                Duration.ofMillis(5), null);
        Map<String, Object> keys = Map.of("region", "eu-west-1", "endpoint", cloudWatch.endpoint().toString());
        Metric metric = Metric.of("connections", 1, Unit.COUNT, now);
        try (Sink sink = new CloudWatchSinkProvider().create(MapConfigEntry.sink("cloudwatch", keys), context(null),
                noCredentials)) {
            DeliveryException e = assertThrows(DeliveryException.class, () -> sink.publish(List.of(metric)));
            assertTrue(e.retryable(), e.getMessage());
            assertTrue(e.getMessage().contains("Unable to load credentials"), e.getMessage());
            assertEquals(List.of(metric), e.undelivered());
        }
        assertEquals(0, cloudWatch.attempts());
    }

    @Test
    void aSinkWhoseRegionNeedsTheMetadataServiceDoesNotAskItBeforeTheFirstSend(@TempDir Path home) throws Exception {
        assumeTrue(System.getenv("AWS_REGION") == null, "AWS_REGION is set in this environment");
        System.setProperty("aws.configFile", home.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", home.resolve("credentials").toString());
        AtomicInteger asked = new AtomicInteger();
        PluginContext counting = new PluginContext() {
            @Override
            public List<Service> services() {
                return context(null).services();
            }

            @Override
            public String hostName() {
                return "host-1";
            }

            @Override
            public Optional<String> instanceMetadata(String key) {
                asked.incrementAndGet();
                return Optional.of("eu-central-1");
            }
        };
        Map<String, Object> keys = Map.of("endpoint", cloudWatch.endpoint().toString());
        try (Sink sink = new CloudWatchSinkProvider().create(MapConfigEntry.sink("cloudwatch", keys), counting,
                FastRetryTuning.TUNING)) {
            sink.preview(List.of(Metric.of("connections", 1, Unit.COUNT, now)), new PrintStream(new ByteArrayOutputStream(),
                    true, StandardCharsets.UTF_8));
            assertEquals(0, asked.get(), "create() and a dry run must not reach the metadata service");
            sink.publish(List.of(Metric.of("connections", 1, Unit.COUNT, now)));
            assertEquals(1, asked.get(), "the first send asks for the instance's region");
        }
        assertTrue(cloudWatch.requests().get(0).authorization().contains("/eu-central-1/monitoring/"));
    }
}
