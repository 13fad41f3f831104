package io.connwatch.runner.config;

import static io.connwatch.runner.config.ConfigFixture.assertError;
import static io.connwatch.runner.config.ConfigFixture.failure;
import static io.connwatch.runner.config.ConfigFixture.load;
import static io.connwatch.runner.config.ConfigFixture.loader;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.connwatch.api.ConfigException;
import io.connwatch.api.Dimension;
import io.connwatch.api.Service;
import io.connwatch.api.TcpState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private static final String WEB = "services: [{name: web, ports: [80]}]\n";

    @Test
    void embeddedDefaultHasWebAndDbWithAllStatesTcpStatesAndStdout() {
        ConnwatchConfig config = loader().loadDefault();
        assertEquals(ConfigLoader.EMBEDDED_SOURCE, config.source());
        assertEquals(List.of("web", "db"), config.services().stream().map(Service::name).toList());
        assertEquals(List.of(80, 443), config.services().get(0).ports());
        assertEquals(List.of(3306), config.services().get(1).ports());
        for (Service s : config.services()) {
            assertEquals(11, s.states().size());
            assertEquals(List.of(), s.remotePorts());
            assertEquals(Service.DEFAULT_METRIC_NAME, s.metricNameTemplate());
            assertEquals(null, s.namespace());
        }
        assertEquals(Duration.ofSeconds(60), config.interval());
        assertEquals(Duration.ofSeconds(60), config.publishInterval());
        assertEquals(Optional.empty(), config.pluginsDir());
        assertEquals(List.of(), config.dimensions());
        assertEquals(1, config.collectors().size());
        PluginEntry collector = config.collectors().get(0);
        assertEquals("tcp-states", collector.type());
        assertEquals("auto", collector.getChoice("source", "auto", List.of("auto", "netlink", "procfs")));
        assertEquals(1, config.sinks().size());
        PluginEntry sink = config.sinks().get(0);
        assertEquals("stdout", sink.type());
        assertEquals("table", sink.getChoice("format", "table", List.of("table", "json")));
        collector.rejectUnreadKeys();
        sink.rejectUnreadKeys();
    }

    @Test
    void minimalFileGetsDefaultIntervalsCollectorAndSink() {
        ConnwatchConfig config = load(WEB);
        assertEquals("test.yaml", config.source());
        assertEquals(Duration.ofSeconds(60), config.interval());
        assertEquals(Duration.ofSeconds(60), config.publishInterval());
        assertEquals(1, config.collectors().size());
        assertEquals("tcp-states", config.collectors().get(0).type());
        assertEquals("collectors[0]", config.collectors().get(0).path());
        assertEquals("test.yaml:1:1", config.collectors().get(0).location());
        assertEquals("stdout", config.sinks().get(0).type());
        assertEquals("sinks[0]", config.sinks().get(0).path());
    }

    @Test
    void unknownTopLevelKeySuggestsTheNearest() {
        ConfigException e = failure("intervall: 10s\n" + WEB);
        assertError(e, "1:1", "intervall", "unknown key 'intervall'; did you mean 'interval'?");
        ConfigException far = failure(WEB + "colour: red\n");
        assertError(far, "2:1", "colour", "unknown key 'colour'; valid keys here: interval, publish-interval, "
                + "max-buffered-datums, plugins, dimensions, services, collectors, sinks");
    }

    @Test
    void intervalsAreParsed() {
        ConnwatchConfig config = load("interval: 10s\npublish-interval: 1m\n" + WEB);
        assertEquals(Duration.ofSeconds(10), config.interval());
        assertEquals(Duration.ofMinutes(1), config.publishInterval());
        assertEquals(Duration.ofMillis(1500), load("interval: 1500ms\n" + WEB).interval());
        assertEquals(Duration.ofHours(1), load("interval: 1h\n" + WEB).interval());
        assertEquals(Duration.ofSeconds(5), load("interval: 5s\n" + WEB).publishInterval());
    }

    @Test
    void durationWithoutUnit() {
        assertError(failure("interval: 10\n" + WEB), "1:11", "interval", "'10' is not a duration (a unit is required, "
                + "such as 10s); write a whole number and a unit: 500ms, 10s, 5m or 1h");
    }

    @Test
    void durationThatIsNotOne() {
        assertError(failure(WEB + "publish-interval: soon\n"), "2:19", "publish-interval",
                "'soon' is not a duration; write a whole number and a unit: 500ms, 10s, 5m or 1h");
    }

    @Test
    void intervalBelowOneSecond() {
        assertError(failure("interval: 500ms\n" + WEB), "1:11", "interval", "interval must be at least 1s, not 500ms");
    }

    @Test
    void intervalsLongerThanADay() {
        assertError(failure("interval: 999999999h\n" + WEB), "1:11", "interval", "interval must be at most 24h, not 999999999h");
        assertError(failure("interval: 1h\npublish-interval: 48h\n" + WEB), "2:19", "publish-interval",
                "publish-interval 48h is longer than 24h, the longest allowed");
    }

    @Test
    void maxBufferedDatumsDefaultsToTenThousandAndTakesZeroToAMillion() {
        assertEquals(10_000, load(WEB).maxBufferedDatums());
        assertEquals(0, load("max-buffered-datums: 0\n" + WEB).maxBufferedDatums());
        assertEquals(1_000_000, load("max-buffered-datums: 1000000\n" + WEB).maxBufferedDatums());
        assertEquals(2880, load("max-buffered-datums: ${env:BUFFER:-2880}\n" + WEB).maxBufferedDatums());
    }

    @Test
    void maxBufferedDatumsThatIsNotACountInRange() {
        for (String bad : List.of("-1", "1000001", "lots", "1e4", "99999999999")) {
            assertError(failure("max-buffered-datums: " + bad + "\n" + WEB), "1:22", "max-buffered-datums",
                    "must be a whole number of datums from 0 (keep nothing) to 1000000, not '" + bad
                            + "' (default 10000)");
        }
        assertError(failure("max-buffered-datums: [1]\n" + WEB), "1:22", "max-buffered-datums",
                "must be a text value, not a list");
    }

    @Test
    void publishIntervalShorterThanInterval() {
        ConfigException e = failure("interval: 60s\npublish-interval: 30s\n" + WEB);
        assertError(e, "2:19", "publish-interval", "publish-interval 30s is shorter than interval 60s; it must be a "
                + "whole multiple of the interval: 60s, 120s, 180s, ...");
    }

    @Test
    void publishIntervalNotAWholeMultiple() {
        ConfigException e = failure("interval: 60s\npublish-interval: 90s\n" + WEB);
        assertError(e, "2:19", "publish-interval",
                "publish-interval 90s is not a whole multiple of interval 60s; use 60s, 120s, 180s, ...");
        ConfigException withDefault = failure("publish-interval: 100s\n" + WEB);
        assertError(withDefault, "1:19", "publish-interval", "publish-interval 100s is not a whole multiple of "
                + "interval 60s (the default); use 60s, 120s, 180s, ...");
    }

    @Test
    void dimensionsAreOrderedAndResolved() {
        ConnwatchConfig config = load("""
                dimensions:
                  Stage: ${env:STAGE}
                  Host: ${host}
                  Fleet: blue
                """ + WEB);
        assertEquals(List.of(new Dimension("Stage", "prod"), new Dimension("Host", "test-host"),
                new Dimension("Fleet", "blue")), config.dimensions());
    }

    @Test
    void moreThanThirtyDimensions() {
        StringBuilder yaml = new StringBuilder("dimensions:\n");
        for (int i = 1; i <= 31; i++) {
            yaml.append("  D").append(i).append(": v").append(i).append('\n');
        }
        ConfigException e = failure(yaml + WEB);
        assertError(e, "32:3", "dimensions.D31",
                "more than 30 dimensions (31); CloudWatch accepts at most 30 per metric");
        StringBuilder thirty = new StringBuilder("dimensions:\n");
        for (int i = 1; i <= 30; i++) {
            thirty.append("  D").append(i).append(": v").append(i).append('\n');
        }
        assertEquals(30, load(thirty + WEB).dimensions().size());
    }

    @Test
    void dimensionsMustBeAMapOfTexts() {
        assertError(failure("dimensions: [a, b]\n" + WEB), "1:13", "dimensions",
                "must be a map (key: value lines), not a list");
        assertError(failure("dimensions:\n  Host:\n" + WEB), "2:8", "dimensions.Host", "dimension 'Host' has no value");
        assertError(failure("dimensions:\n  Host: [a]\n" + WEB), "2:9", "dimensions.Host",
                "must be a text value, not a list");
        assertError(failure("dimensions:\n  Host: ${env:EMPTY}\n" + WEB), "2:9", "dimensions.Host",
                "the value of dimension 'Host' must have 1 to 1024 characters, not 0");
    }

    @Test
    void pluginsFolderRelativeToTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("connwatch.yaml");
        Files.writeString(file, "plugins: extra/plugins\n" + WEB);
        assertEquals(Optional.of(dir.resolve("extra/plugins")), loader().load(file).pluginsDir());
        Files.writeString(file, "plugins: /opt/connwatch/plugins\n" + WEB);
        assertEquals(Optional.of(Path.of("/opt/connwatch/plugins")), loader().load(file).pluginsDir());
        assertEquals(Optional.of(Path.of("plugins")), load("plugins: plugins\n" + WEB).pluginsDir());
    }

    @Test
    void pluginEntriesAreReadInOrder() {
        ConnwatchConfig config = load(WEB + """
                collectors:
                  - type: tcp-states
                    source: procfs
                sinks:
                  - type: cloudwatch
                    namespace: connwatch
                  - type: stdout
                    format: json
                """);
        assertEquals(List.of("tcp-states"), config.collectors().stream().map(PluginEntry::type).toList());
        assertEquals(List.of("cloudwatch", "stdout"), config.sinks().stream().map(PluginEntry::type).toList());
        PluginEntry stdout = config.sinks().get(1);
        assertEquals("sinks[1]", stdout.path());
        assertEquals("test.yaml:8:5", stdout.location());
        assertEquals("sink", stdout.kind());
        assertEquals("collector", config.collectors().get(0).kind());
    }

    @Test
    void pluginEntryWithoutType() {
        ConfigException e = failure(WEB + """
                collectors:
                  - source: procfs
                """);
        assertError(e, "3:5", "collectors[0].type",
                "collector entry has no 'type' (the collector to use, such as tcp-states)");
    }

    @Test
    void pluginTypeThatIsNotAText() {
        ConfigException e = failure(WEB + """
                sinks:
                  - type: [stdout]
                """);
        assertError(e, "3:11", "sinks[0].type", "must be a text value, not a list");
    }

    @Test
    void pluginListsMustBeNonEmptyListsOfMaps() {
        assertError(failure(WEB + "collectors: {type: tcp-states}\n"), "2:13", "collectors",
                "must be a list, not a map");
        assertError(failure(WEB + "sinks: []\n"), "2:8", "sinks",
                "sinks is empty; list at least one sink, or leave the key out for the stdout sink");
        assertError(failure(WEB + "sinks: [stdout]\n"), "2:9", "sinks[0]",
                "must be a map (key: value lines), not a text");
    }

    @Test
    void missingFileIsAClearError(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> loader().load(missing));
        assertEquals(missing.toString(), e.location());
        assertEquals("no such file", e.problem());
        ConfigException directory = assertThrows(ConfigException.class, () -> loader().load(dir));
        assertEquals("is a directory, not a file", directory.problem());
    }

    @Test
    void fileThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        ConfigException e = assertThrows(ConfigException.class, () -> loader().load(file));
        assertEquals("the file is not UTF-8 text", e.problem());
    }

    @Test
    void errorsInAFileNameTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("connwatch.yaml");
        Files.writeString(file, "services:\n  - name: web\n    ports: [99999]\n");
        ConfigException e = assertThrows(ConfigException.class, () -> loader().load(file));
        assertEquals(file + ":3:13", e.location());
        assertEquals(file + ":3:13: services[0].ports[0]: port 99999 is outside 1-65535", e.getMessage());
    }

    @Test
    void stateSpellingsAreAccepted() {
        ConnwatchConfig config = load("""
                services:
                  - name: web
                    ports: [80]
                    states: [TIME_WAIT, syn-recv, closed, listening, Fin_Wait_1]
                """);
        assertEquals(List.of(TcpState.SYN_RECV, TcpState.FIN_WAIT1, TcpState.TIME_WAIT, TcpState.CLOSE,
                TcpState.LISTEN), List.copyOf(config.services().get(0).states()));
    }
}
