package io.connwatch.runner.pipeline;

import io.connwatch.api.Collector;
import io.connwatch.api.CollectorProvider;
import io.connwatch.api.ConfigEntry;
import io.connwatch.api.ConfigException;
import io.connwatch.api.PluginContext;
import io.connwatch.runner.config.ConfigLoader;
import io.connwatch.runner.config.ConnwatchConfig;
import io.connwatch.runner.config.InstanceMetadata;
import io.connwatch.runner.plugins.PluginDiscovery;
import io.connwatch.runner.plugins.ProviderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineAssemblerTest {

    static final AtomicInteger CLOSED = new AtomicInteger();

    /** A collector that counts its closes, standing for one holding a socket or a thread. */
    public static final class ClosingProbeProvider implements CollectorProvider {
        @Override
        public String type() {
            return "closing-probe";
        }

        @Override
        public Collector create(ConfigEntry config, PluginContext context) {
            return new Collector() {
                @Override
                public List<io.connwatch.api.Metric> collect(java.time.Instant timestamp) {
                    return List.of();
                }

                @Override
                public void close() {
                    CLOSED.incrementAndGet();
                }
            };
        }
    }

    private static ProviderRegistry registry(Path dir) throws Exception {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.writeString(services.resolve(CollectorProvider.class.getName()), ClosingProbeProvider.class.getName() + "\n");
        PluginDiscovery discovery = new PluginDiscovery();
        // One scan through a loader over the runner's class path: the built-ins and the probe, each once.
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()},
                PipelineAssemblerTest.class.getClassLoader())) {
            discovery.scan(loader, true);
        }
        return discovery.registry();
    }

    private static ConnwatchConfig config(String yaml) {
        return new ConfigLoader(Map.of(), () -> "host-1", () -> InstanceMetadata.none("off")).load("c.yaml", yaml);
    }

    @Test
    void whatWasBuiltIsClosedWhenALaterEntryIsWrong(@TempDir Path dir) throws Exception {
        ProviderRegistry registry = registry(dir);
        PipelineAssembler assembler = new PipelineAssembler(registry, () -> "host-1", () -> InstanceMetadata.none("off"));
        CLOSED.set(0);
        ConfigException unknownKey = assertThrows(ConfigException.class, () -> assembler.assemble(config("""
                services:
                  - name: web
                    ports: [80]
                collectors:
                  - type: closing-probe
                sinks:
                  - type: stdout
                    fromat: json
                """)));
        assertTrue(unknownKey.getMessage().contains("unknown key 'fromat'"), unknownKey.getMessage());
        assertEquals(1, CLOSED.get(), "the collector built before the mistake was found is closed");

        CLOSED.set(0);
        assertThrows(ConfigException.class, () -> assembler.assemble(config("""
                services:
                  - name: web
                    ports: [80]
                collectors:
                  - type: closing-probe
                    extra: 1
                """)));
        assertEquals(1, CLOSED.get(), "a plugin whose own entry has an unknown key is closed too");
    }
}
