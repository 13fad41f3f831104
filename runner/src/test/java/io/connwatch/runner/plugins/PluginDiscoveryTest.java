package io.connwatch.runner.plugins;

import io.connwatch.api.ConfigEntry;
import io.connwatch.api.PluginContext;
import io.connwatch.api.Sink;
import io.connwatch.api.SinkProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PluginDiscoveryTest {

    /** A provider whose constructor throws, as a plugin with a missing dependency would. */
    public static final class ExplodingProvider implements SinkProvider {
        public ExplodingProvider() {
            throw new IllegalStateException("cannot start without its native library");
        }

        @Override
        public String type() {
            return "exploding";
        }

        @Override
        public Sink create(ConfigEntry config, PluginContext context) {
            throw new AssertionError("never built");
        }
    }

    /** A second provider claiming the built-in {@code stdout} type. */
    public static final class ImpostorStdoutProvider implements SinkProvider {
        @Override
        public String type() {
            return "stdout";
        }

        @Override
        public Sink create(ConfigEntry config, PluginContext context) {
            throw new AssertionError("never built");
        }
    }

    @Test
    void builtInProvidersAreFoundWithTheirJar() {
        ProviderRegistry registry = PluginDiscovery.builtIn();
        assertEquals(List.of(), registry.problems());
        DiscoveredProvider stdout = registry.find(PluginKind.SINK, "stdout").orElseThrow();
        assertTrue(stdout.origin().builtIn());
        assertTrue(registry.find(PluginKind.COLLECTOR, "tcp-states").isPresent());
    }

    @Test
    void brokenAndDuplicateProvidersAreReportedAndTheOthersStillWork(@TempDir Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services");
        Files.createDirectories(services);
        Files.writeString(services.resolve(SinkProvider.class.getName()), String.join("\n",
                ExplodingProvider.class.getName(),
                "com.example.NoSuchProvider",
                ImpostorStdoutProvider.class.getName()) + "\n");

        PluginDiscovery discovery = new PluginDiscovery();
        try (URLClassLoader loader = new URLClassLoader(new URL[]{dir.toUri().toURL()},
                PluginDiscoveryTest.class.getClassLoader())) {
            discovery.scan(loader, false);
        }
        ProviderRegistry registry = discovery.registry();
        List<String> problems = registry.problems().stream().map(PluginProblem::message).toList();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains(ExplodingProvider.class.getName())
                && p.contains("failed to construct") && p.contains("cannot start without its native library")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("com.example.NoSuchProvider")), problems.toString());
        String duplicate = registry.ambiguity(PluginKind.SINK, "stdout").orElseThrow().message();
        assertTrue(duplicate.contains("two sink providers have the type name 'stdout'")
                && duplicate.contains(ImpostorStdoutProvider.class.getName())
                && duplicate.contains("StdoutSinkProvider"), duplicate);
        // Which stdout would win is never decided silently; the unrelated collector still resolves.
        assertTrue(registry.find(PluginKind.SINK, "stdout").isEmpty());
        assertTrue(registry.find(PluginKind.COLLECTOR, "tcp-states").isPresent());
    }
}
