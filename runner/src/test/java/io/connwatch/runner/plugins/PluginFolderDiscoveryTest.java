package io.connwatch.runner.plugins;

import io.connwatch.api.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Discovery of a plugins folder in this JVM: what loads, what is refused, and what each problem says. */
class PluginFolderDiscoveryTest {

    @TempDir
    Path dir;

    private ProviderRegistry discover(Path folder, boolean explicit) {
        return PluginDiscovery.discover(new PluginsFolder(folder, explicit, "the test"));
    }

    private static List<String> problems(ProviderRegistry registry) {
        return registry.problems().stream().map(PluginProblem::message).toList();
    }

    @Test
    void aJarsProvidersAreFoundWithTheJarAndItsVersion() throws IOException {
        Path jar = TestPlugins.constantCollector(dir.resolve("plugins/one.jar"), "com.example.one", "one", "one-metric");
        ProviderRegistry registry = discover(dir.resolve("plugins"), true);
        assertEquals(List.of(), problems(registry));
        DiscoveredProvider one = registry.find(PluginKind.COLLECTOR, "one").orElseThrow();
        assertEquals(new PluginOrigin(false, jar, "1.0"), one.origin());
        assertEquals(jar.toString(), one.origin().describe());
        assertTrue(registry.find(PluginKind.COLLECTOR, "tcp-states").isPresent(), "the built-ins are still there");
        assertTrue(registry.find(PluginKind.SINK, "stdout").isPresent(), "and found once only, not again via the jar");
    }

    @Test
    void twoJarsWithOneTypeNameAreAnErrorNamingBothAndTheOthersWork() throws IOException {
        Path a = TestPlugins.constantCollector(dir.resolve("plugins/twin-a.jar"), "com.example.a", "twin", "a");
        Path b = TestPlugins.constantCollector(dir.resolve("plugins/twin-b.jar"), "com.example.b", "twin", "b");
        TestPlugins.constantCollector(dir.resolve("plugins/other.jar"), "com.example.c", "other", "c");
        ProviderRegistry registry = discover(dir.resolve("plugins"), true);
        String clash = registry.ambiguity(PluginKind.COLLECTOR, "twin").orElseThrow().message();
        assertEquals("two collector providers have the type name 'twin': com.example.a.ConstantProvider from " + a
                + " and com.example.b.ConstantProvider from " + b, clash);
        assertEquals(List.of(clash), problems(registry));
        assertTrue(registry.find(PluginKind.COLLECTOR, "twin").isEmpty(), "neither wins silently");
        assertTrue(registry.find(PluginKind.COLLECTOR, "other").isPresent());
    }

    @Test
    void aCorruptJarAProviderThatThrowsAndAJarWithoutServicesAreNamedAndSkipped() throws IOException {
        Path corrupt = TestPlugins.corrupt(dir.resolve("plugins/corrupt.jar"));
        Path fragile = TestPlugins.constructorThrows(dir.resolve("plugins/fragile.jar"));
        Path library = new PluginJarBuilder().source("com.example.lib.Helper",
                "package com.example.lib; public final class Helper {}").writeTo(dir.resolve("plugins/library.jar"));
        TestPlugins.constantCollector(dir.resolve("plugins/good.jar"), "com.example.good", "good", "g");
        Files.writeString(dir.resolve("plugins/README.txt"), "not a jar, not looked at");
        ProviderRegistry registry = discover(dir.resolve("plugins"), true);
        List<String> problems = problems(registry);
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("the plugin jar " + corrupt + " is not a readable jar (zip) file: "),
                problems.get(0));
        assertTrue(problems.get(1).startsWith("the collector provider com.example.fragile.FragileProvider from "
                + fragile + " failed to construct: ") && problems.get(1).endsWith("needs libfragile.so"), problems.get(1));
        assertEquals("the plugin jar " + library + " offers no collector or sink: it has neither "
                + "META-INF/services/io.connwatch.api.CollectorProvider nor META-INF/services/io.connwatch.api.SinkProvider",
                problems.get(2));
        assertTrue(registry.find(PluginKind.COLLECTOR, "good").isPresent());
    }

    @Test
    void aServicesFileNamingAMissingClassIsNamedWithItsJar() throws IOException {
        Path jar = new PluginJarBuilder().collectorProvider("com.example.gone.GoneProvider",
                        "package com.example.gone; public final class GoneProvider {}")
                .writeTo(dir.resolve("plugins/wrong.jar"));
        List<String> problems = problems(discover(dir.resolve("plugins"), true));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("a collector provider of " + jar + " failed to load: ")
                && problems.get(0).contains("com.example.gone.GoneProvider not a subtype"), problems.get(0));
    }

    @Test
    void aWorldWritableFolderIsRefusedAndOnlyTheBuiltInsLoad() throws IOException {
        Path folder = dir.resolve("plugins");
        TestPlugins.constantCollector(folder.resolve("one.jar"), "com.example.one", "one", "m");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        ProviderRegistry registry = discover(folder, true);
        assertEquals(List.of("the plugins folder " + folder + " was refused, none of its jars was loaded: it is"
                + " world-writable (rwxrwxrwx): every user could put code in it that runs with connwatch's rights;"
                + " fix it with: chmod go-w " + folder), problems(registry));
        assertTrue(registry.find(PluginKind.COLLECTOR, "one").isEmpty());
        assertTrue(registry.find(PluginKind.COLLECTOR, "tcp-states").isPresent());
    }

    @Test
    void aGroupWritableJarIsRefusedAndItsNeighboursLoad() throws IOException {
        Path folder = dir.resolve("plugins");
        Path loose = TestPlugins.constantCollector(folder.resolve("loose.jar"), "com.example.loose", "loose", "m");
        TestPlugins.constantCollector(folder.resolve("tight.jar"), "com.example.tight", "tight", "m");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-rw-r--"));
        ProviderRegistry registry = discover(folder, true);
        List<String> problems = problems(registry);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("the plugin jar " + loose + " was refused, it was not loaded: it is"
                + " group-writable (rw-rw-r--)") && problems.get(0).endsWith("chmod go-w " + loose), problems.get(0));
        assertTrue(registry.find(PluginKind.COLLECTOR, "loose").isEmpty());
        assertTrue(registry.find(PluginKind.COLLECTOR, "tight").isPresent());
    }

    @Test
    void aMissingDefaultFolderIsSilentlyEmptyAndAMissingNamedOneIsAnError() {
        ProviderRegistry registry = discover(dir.resolve("absent"), false);
        assertEquals(List.of(), problems(registry));
        assertTrue(registry.find(PluginKind.SINK, "stdout").isPresent());

        ConfigException e = assertThrows(ConfigException.class, () -> discover(dir.resolve("absent"), true));
        assertEquals("the plugins folder " + dir.resolve("absent") + " (chosen by the test) does not exist",
                e.getMessage());
    }

    @Test
    void twoPluginsBundlingDifferentVersionsOfOneLibraryEachGetTheirOwn() throws Exception {
        TestPlugins.bundlingLibrary(dir.resolve("plugins/v1.jar"), "uses-v1", 1);
        TestPlugins.bundlingLibrary(dir.resolve("plugins/v2.jar"), "uses-v2", 2);
        ProviderRegistry registry = discover(dir.resolve("plugins"), true);
        assertEquals(List.of(), problems(registry));
        Object v1 = registry.find(PluginKind.COLLECTOR, "uses-v1").orElseThrow().provider();
        Object v2 = registry.find(PluginKind.COLLECTOR, "uses-v2").orElseThrow().provider();
        Class<?> lib1 = v1.getClass().getClassLoader().loadClass("com.example.shared.Library");
        Class<?> lib2 = v2.getClass().getClassLoader().loadClass("com.example.shared.Library");
        assertFalse(lib1 == lib2);
        assertEquals(1, lib1.getMethod("version").invoke(null));
        assertEquals(2, lib2.getMethod("version").invoke(null));
    }
}
