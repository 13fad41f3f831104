package io.connwatch.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.connwatch.api.Service;
import io.connwatch.api.TcpState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ready-made files in config-examples/ load as they are. */
class ConfigExamplesTest {

    private static final Path EXAMPLES = Path.of("..", "config-examples");

    // Off EC2, as on this machine: ${ec2:...} placeholders must fall back to their defaults.
    private final ConfigLoader loader = new ConfigLoader(Map.of(), () -> "example-host",
            () -> InstanceMetadata.none("not on EC2"));

    @Test
    void localExample() {
        ConnwatchConfig config = loader.load(EXAMPLES.resolve("local.yaml"));
        assertEquals(List.of("web", "db"), config.services().stream().map(Service::name).toList());
        assertEquals(List.of(80, 443), config.services().get(0).ports());
        assertEquals(List.of(3306), config.services().get(1).ports());
        assertEquals("stdout", config.sinks().get(0).type());
        assertEquals("table", config.sinks().get(0).getChoice("format", "json", List.of("table", "json")));
        config.sinks().get(0).rejectUnreadKeys();
    }

    @Test
    void customExample() {
        ConnwatchConfig config = loader.load(EXAMPLES.resolve("custom.yaml"));
        assertTrue(config.services().stream().anyMatch(s -> !s.remotePorts().isEmpty()), "a remote-ports service");
        assertTrue(config.services().stream().anyMatch(s -> s.states().size() < TcpState.values().length),
                "a subset of states");
        assertTrue(config.services().stream()
                .anyMatch(s -> !s.metricNameTemplate().equals(Service.DEFAULT_METRIC_NAME)), "a metric-name");
        assertEquals("stdout", config.sinks().get(0).type());
        assertEquals("json", config.sinks().get(0).getChoice("format", "table", List.of("table", "json")));
        config.sinks().get(0).rejectUnreadKeys();
        assertEquals("example-host", config.dimensions().get(0).value());
    }

    @Test
    void daemonExampleSamplesEveryTenSecondsAndSendsEveryMinuteToCloudWatch() {
        ConnwatchConfig config = loader.load(EXAMPLES.resolve("daemon.yaml"));
        assertEquals(Duration.ofSeconds(10), config.interval());
        assertEquals(Duration.ofSeconds(60), config.publishInterval());
        assertEquals(10_000, config.maxBufferedDatums());
        assertEquals("cloudwatch", config.sinks().get(0).type());
        assertEquals("example-host", config.dimensions().get(0).value());
    }
}
